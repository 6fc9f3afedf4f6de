import { useState } from 'preact/hooks';
import type { CommandResponse } from '../../../contract';
import { centerDateTime } from '../format';
import type { PanelProps } from '../panels';
import { usePoll } from '../use-poll';

/** Hands the bundle to the browser as a file download (blob URL; nothing leaves the robot by itself). */
function download(filename: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The audit row's action as a sentence in the technician's language (`service.board.move` →
 * logs.actions.board-move); an action this screen has no words for reads "Other action", never its code.
 */
export function actionLabel(t: PanelProps['t'], action: string): string {
  const key = action.replace(/^service\./, '').replace(/\./g, '-');
  return /^[a-zA-Z-]{1,40}$/.test(key) ? t(`logs.actions.${key}`, { defaultValue: t('logs.actions.other') }) : t('logs.actions.other');
}

/** Errors counted by code, each as a sentence; before the first answer (or while the robot is out of reach) a dash, not "none". */
function ErrorsByCode({ t, byCode, language }: { t: PanelProps['t']; byCode: CommandResponse<'service.logs.get'>['byCode'] | undefined; language: PanelProps['language'] }) {
  return (
    <section>
      <h2>{t('logs.byCode')}</h2>
      {byCode === undefined ? (
        <p data-testid="by-code-unknown">–</p>
      ) : byCode.length ? (
        <table>
          <tbody>
            {byCode.map((g) => (
              <tr data-code={g.code}>
                <th title={g.code}>{t(`errors:${g.code}`)}</th>
                <td>{g.count}</td>
                <td>{centerDateTime(g.lastAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('logs.none')}</p>
      )}
    </section>
  );
}

export function LogsPanel({ t, call, onError, language }: PanelProps) {
  const [logs, reload] = usePoll(() => call('service.logs.get', {}), 5000, onError);
  const [exported, setExported] = useState<{ filename: string; savedTo: string | null } | undefined>();
  const exportBundle = () =>
    call('service.logs.export', {}).then(
      (b) => (download(b.filename, b.content), setExported(b), reload()),
      (e: unknown) => onError(e),
    );
  return (
    <>
      <section>
        <button type="button" data-action="export" onClick={() => void exportBundle()}>
          {t('logs.export')}
        </button>
        {exported && (
          <p role="status" data-testid="exported">
            {t('logs.exported', { file: exported.filename })} {exported.savedTo && t('logs.savedTo', { path: exported.savedTo })}
          </p>
        )}
      </section>
      <ErrorsByCode t={t} byCode={logs?.byCode} language={language} />
      <section>
        <h2>{t('logs.audit')}</h2>
        <table>
          <tbody data-testid="audit-rows">
            {logs?.audit.map((a) => (
              <tr data-action={a.action}>
                <td>{centerDateTime(a.at, language)}</td>
                <td>{a.actor}</td>
                <td>{actionLabel(t, a.action)}</td>
                <td>
                  {a.old !== undefined ? JSON.stringify(a.old) : ''} {a.new !== undefined ? `→ ${JSON.stringify(a.new)}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
