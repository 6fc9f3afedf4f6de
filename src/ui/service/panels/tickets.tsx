import type { PanelProps } from '../panels';
import { usePoll } from '../use-poll';

/**
 * Tickets a crash left with an unknown print outcome (issue 16). They are already callable at the
 * center; here staff settle each one: the sheet exists (printed) or it does not (void). Audited.
 */
export function TicketsPanel({ t, call, onError }: PanelProps) {
  const [list, reload] = usePoll(() => call('service.tickets.uncertain', {}), 10_000, onError);
  const settle = (ticketId: string, outcome: 'printed' | 'void') => call('service.tickets.settle', { ticketId, outcome }).then(reload, onError);
  if (!list) return null;
  return (
    <section>
      <h2>{t('tickets.uncertainTitle')}</h2>
      <p>{t('tickets.uncertainHelp')}</p>
      {list.tickets.length === 0 ? (
        <p data-testid="uncertain-none">{t('tickets.none')}</p>
      ) : (
        <table>
          <tbody>
            {list.tickets.map((x) => (
              <tr data-uncertain={x.id}>
                <th>{x.display}</th>
                <td>{new Date(x.issuedAt).toLocaleTimeString()}</td>
                <td>
                  <button onClick={() => settle(x.id, 'printed')}>{t('tickets.printed')}</button>{' '}
                  <button onClick={() => settle(x.id, 'void')}>{t('tickets.void')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
