import type { TFunction } from 'i18next';
import type { PartStatus } from '../../../contract';
import { partLabel, settingLabel } from '../format';
import type { PanelProps } from '../panels';
import { usePoll } from '../use-poll';

const GB = 1024 ** 3;

/** A part's state in words; its code as the sentence a technician reads (the code stays in data-code for docs look-up). */
export function PartRow({ t, name, part }: { t: TFunction; name: string; part: PartStatus }) {
  return (
    <tr data-part={name} data-state={part.state}>
      <th>{partLabel(t, name)}</th>
      <td>{t(`labels.states.${part.state}`)}</td>
      <td>{part.adapter === 'none' ? '–' : part.adapter}</td>
      <td data-code={part.code}>{part.code ? t(`errors:${part.code}`) : ''}</td>
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
          {t('overview.restartPending', { keys: o.restartPending.map((k) => settingLabel(t, k)).join(', ') })}
        </p>
      )}
      <section>
        <h2>{t('overview.parts')}</h2>
        <table>
          <tbody>
            {parts.map(([name, part]) => (
              <PartRow t={t} name={name} part={part} />
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>{t('overview.versions')}</h2>
        <p>{Object.entries(o.versions).map(([k, v]) => `${k} ${v}`).join(' · ')} · {o.health.robotId} · {t(`labels.profiles.${o.health.profile}`)}</p>
        {o.disk && (
          <p>
            {t('overview.disk')}: {t('overview.diskFree', { free: (o.disk.freeBytes / GB).toFixed(1), total: (o.disk.totalBytes / GB).toFixed(1) })}
          </p>
        )}
      </section>
    </>
  );
}
