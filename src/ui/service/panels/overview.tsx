import type { PartStatus } from '../../../contract';
import type { PanelProps } from '../panels';
import { usePoll } from '../use-poll';

const GB = 1024 ** 3;

export function PartRow({ name, part }: { name: string; part: PartStatus }) {
  return (
    <tr data-part={name} data-state={part.state}>
      <th>{name}</th>
      <td>{part.state}</td>
      <td>{part.adapter}</td>
      <td>{part.code ?? ''}</td>
    </tr>
  );
}

export function OverviewPanel({ t, call, onError }: PanelProps) {
  const [o] = usePoll(() => call('service.overview', {}), 3000, onError);
  if (!o) return null;
  const parts: Array<[string, PartStatus]> = [...Object.entries(o.health.devices), ['store', o.health.store], ['center', o.sync], ['audio', o.audio]];
  return (
    <>
      {o.defaultPinInUse && <p class="notice error">{t('entry.defaultPin')}</p>}
      {o.restartPending.length > 0 && (
        <p class="notice" data-testid="restart-pending">
          {t('overview.restartPending', { keys: o.restartPending.join(', ') })}
        </p>
      )}
      <section>
        <h2>{t('overview.parts')}</h2>
        <table>
          <tbody>
            {parts.map(([name, part]) => (
              <PartRow name={name} part={part} />
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>{t('overview.versions')}</h2>
        <p>{Object.entries(o.versions).map(([k, v]) => `${k} ${v}`).join(' · ')} · {o.health.robotId} · {o.health.profile}</p>
        {o.disk && (
          <p>
            {t('overview.disk')}: {t('overview.diskFree', { free: (o.disk.freeBytes / GB).toFixed(1), total: (o.disk.totalBytes / GB).toFixed(1) })}
          </p>
        )}
      </section>
    </>
  );
}
