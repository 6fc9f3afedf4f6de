import { useEffect, useState } from 'preact/hooks';
import type { CommandResponse } from '../../../contract';
import type { PanelProps } from '../panels';
import { usePoll } from '../use-poll';
import { SettingResult, useSetting } from './settings';

export function PrinterPanel({ t, call, onError, clearError }: PanelProps) {
  const [info, reload] = usePoll(() => call('service.printer.get', {}), 3000, onError);
  const [preview, reloadPreview] = usePoll(() => call('service.printer.preview', {}), 0, onError);
  // what the technician just chose stays shown while it is saved, until the panel reads it back
  // (a controlled select re-rendered with an older reading would jump back to it meanwhile); a
  // refused change shows the saved value again beside the error
  const [chosen, setChosen] = useState<{ density?: string; cut?: string }>({});
  const setting = useSetting(call, (e) => (setChosen({}), onError(e)), clearError, reload);
  useEffect(() => setChosen((c) => (c.density === String(info?.density ?? '') ? { cut: c.cut } : c)), [info]);
  useEffect(() => setChosen((c) => (c.cut === info?.cut ? { density: c.density } : c)), [info]);
  return (
    <>
      <PrinterStatus t={t} call={call} onError={onError} clearError={clearError} info={info} reload={reload} reloadPreview={reloadPreview} />
      <section>
        <div class="service-row">
          <label>
            {t('printer.density')}{' '}
            <select data-setting="printer.density" value={chosen.density ?? String(info?.density ?? '')} onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              setChosen((c) => ({ ...c, density: v }));
              setting.set('printer.density', v === '' ? null : Number(v));
            }}>
              <option value="">{t('printer.default')}</option>
              {[-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6].map((d) => (
                <option value={String(d)}>{d}</option>
              ))}
            </select>
          </label>
          <label>
            {t('printer.cut')}{' '}
            <select data-setting="printer.cut" value={chosen.cut ?? info?.cut ?? 'partial'} onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              setChosen((c) => ({ ...c, cut: v }));
              setting.set('printer.cut', v);
            }}>
              <option value="partial">{t('printer.cutPartial')}</option>
              <option value="full">{t('printer.cutFull')}</option>
              <option value="none">{t('printer.cutNone')}</option>
            </select>
          </label>
        </div>
        <SettingResult t={t} result={setting.result} />
      </section>
      <TicketPreview t={t} preview={preview} />
    </>
  );
}

/** The last ticket as it was printed (a PNG of the paper), or a note that none was printed yet. */
function TicketPreview({ t, preview }: { t: PanelProps['t']; preview?: { png?: string | null; display?: string | null } }) {
  return (
    <section>
      <h2>{t('printer.preview')}</h2>
      {preview?.png ? <img data-testid="ticket-preview" src={preview.png} alt={preview.display ?? ''} style="max-width:100%;border:1px solid #999" /> : <p>{t('printer.noTicket')}</p>}
    </section>
  );
}

type PrinterInfo = CommandResponse<'service.printer.get'>;

/** The printer's state, the paper left before the near-end sensor, and the test page. */
function PrinterStatus({ t, call, onError, clearError, info, reload, reloadPreview }: Pick<PanelProps, 't' | 'call' | 'onError' | 'clearError'> & { info: PrinterInfo | undefined; reload: () => void; reloadPreview: () => void }) {
  const [printed, setPrinted] = useState<string | undefined>();
  const testPage = async () => {
    try {
      const r = await call('service.printer.testPage', {});
      setPrinted(r.printed ? t('printer.printed') : t(`errors:${r.error ?? 'INTERNAL_ERROR'}`));
      if (r.printed) clearError();
      reload();
      reloadPreview();
    } catch (e) {
      onError(e);
    }
  };
  return (
    <section>
      <p data-testid="printer-status">
        {/* until the first answer (or while the robot is out of reach) a dash, as for the counter below */}
        {t('printer.status')}:{' '}
        {info ? (
          <>
            {t(`labels.states.${info.status.state}`)} {info.status.code && <span data-code={info.status.code}>{t(`errors:${info.status.code}`)}</span>} ({info.status.adapter})
          </>
        ) : (
          '–'
        )}
      </p>
      <p>
        {t('printer.nearEnd')}: <span data-testid="near-end">{info?.paperNearEndTickets ?? '–'}</span>
      </p>
      <button type="button" data-action="test-page" onClick={() => void testPage()}>
        {t('printer.testPage')}
      </button>
      {printed && <p role="status" data-testid="test-page-result">{printed}</p>}
    </section>
  );
}
