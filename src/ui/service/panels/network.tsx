import { useRef } from 'preact/hooks';
import { centerDateTime } from '../format';
import type { PanelProps } from '../panels';
import { usePoll } from '../use-poll';

/** Center link; the drain bar shows how much of the largest outbox seen here has been sent. */
export function NetworkPanel({ t, call, onError, language }: PanelProps) {
  const [n] = usePoll(() => call('service.network.get', {}), 2000, onError);
  const peak = useRef(0);
  if (!n) return null;
  const pending = n.outboxLength + n.auditOutboxLength;
  peak.current = Math.max(peak.current, pending);
  const drained = peak.current === 0 ? 1 : 1 - pending / peak.current;
  return (
    <section>
      <table>
        <tbody>
          <tr>
            <th>{t('network.center')}</th>
            <td data-testid="center-url">{n.centerUrl ?? '–'}</td>
          </tr>
          <tr>
            <th>{t('network.token')}</th>
            <td data-testid="enrolment">
              {t(`labels.enrolment.${n.enrolment}`)} · {n.online ? t('network.online') : t('network.offline')}
            </td>
          </tr>
          <tr>
            <th>{t('network.outbox')}</th>
            <td data-testid="outbox">{n.outboxLength}</td>
          </tr>
          <tr>
            <th>{t('network.auditOutbox')}</th>
            <td data-testid="audit-outbox">{n.auditOutboxLength}</td>
          </tr>
          <tr>
            <th>{t('network.drain')}</th>
            <td>
              <progress max={1} value={drained} data-testid="drain" />
            </td>
          </tr>
          <tr>
            <th>{t('network.lastSync')}</th>
            <td>{n.lastSyncAt ? centerDateTime(n.lastSyncAt, language) : t('network.never')}</td>
          </tr>
          {n.lastErrorCode && (
            <tr>
              <th>{t('network.lastError')}</th>
              <td data-code={n.lastErrorCode}>{t(`errors:${n.lastErrorCode}`)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
