import { centerDay } from '../format';
import type { PanelProps } from '../panels';
import { usePoll } from '../use-poll';

export function StatsPanel({ t, call, api, onError, language }: PanelProps) {
  const [s] = usePoll(() => call('service.stats.get', {}), 10_000, onError);
  // services by their name in the reader's language; the catalog is the robot's own
  const [catalog] = usePoll(() => api.call('catalog.get', {}), 0, onError);
  if (!s) return null;
  const serviceName = (id: string) => catalog?.services.find((c) => c.id === id)?.name[language] ?? '–';
  const max = Math.max(1, ...s.perHour);
  return (
    <>
      <section>
        <h2>
          {t('stats.perHour')} ({centerDay(s.day, language)}) · {t('stats.total')}: <span data-testid="stats-total">{s.total}</span>
        </h2>
        <div class="service-bars" role="img" aria-label={t('stats.perHour')}>
          {s.perHour.map((n, h) => (
            <span title={`${h}:00 — ${n}`} data-hour={h} data-count={n} style={`height:${(n / max) * 100}%`} />
          ))}
        </div>
        <p>
          {t('stats.averageWait')}: {s.averageWaitMinutes === null ? t('stats.noData') : t('stats.minutes', { n: s.averageWaitMinutes })}
        </p>
      </section>
      <section>
        <h2>{t('stats.perService')}</h2>
        <table>
          <tbody>
            {s.perService.map((r) => (
              <tr data-service-stats={r.serviceId}>
                <th>{serviceName(r.serviceId)}</th>
                <td>
                  {t('stats.issued')}: {r.issued}
                </td>
                <td>{r.averageWaitMinutes === null ? '–' : t('stats.minutes', { n: r.averageWaitMinutes })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
