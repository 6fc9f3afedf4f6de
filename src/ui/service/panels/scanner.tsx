import { useEffect, useState } from 'preact/hooks';
import type { EventData } from '../../../contract';
import { centerTime } from '../format';
import type { PanelProps } from '../panels';

type Read = EventData<'code.scanned'> & { at: number };

/** Live test: every read of every scanner (and a typed test) with its detected format and fields. */
export function ScannerPanel({ t, api, onError, language }: PanelProps) {
  const [reads, setReads] = useState<Read[]>([]);
  const [text, setText] = useState('');
  useEffect(() => api.on('code.scanned', (e) => setReads((r) => [{ ...e, at: Date.now() }, ...r].slice(0, 20))), [api]);
  // the controller broadcasts the typed read as code.scanned like any other: it shows up below
  const test = () => api.call('code.submit', { text, source: 'typed' }).catch(onError);
  return (
    <>
      <section>
        <p>{t('scanner.hint')}</p>
        <div class="service-row">
          <label>
            {t('scanner.input')} <input type="text" data-testid="scan-input" maxLength={2000} value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
          </label>
          <button type="button" data-action="scan-test" disabled={!text} onClick={() => void test()}>
            {t('scanner.test')}
          </button>
        </div>
      </section>
      <section>
        <table>
          <thead>
            <tr>
              <th>{t('scanner.source')}</th>
              <th>{t('scanner.format')}</th>
              <th>{t('scanner.decoded')}</th>
            </tr>
          </thead>
          <tbody data-testid="scan-reads">
            {reads.map((r) => (
              <tr data-format={r.code?.format ?? r.error}>
                <td>
                  {centerTime(r.at, language)} {r.scannerId} ({r.source})
                </td>
                <td>{r.code?.format ?? r.error}</td>
                <td>
                  <code>{r.code ? JSON.stringify(r.code) : t(`errors:${r.error ?? 'SCAN_UNKNOWN_FORMAT'}`)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
