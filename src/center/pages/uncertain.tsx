/**
 * The counter page's card of tickets a robot was printing when it crashed (issue 16): they are
 * queued anyway (a sheet may be in a hand); staff ask the visitor and settle each one here, either
 * "has the ticket" (the mark goes) or "no ticket" (out of the queue). Reloaded with the board.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PrintUncertainList, PrintUncertainTicket, SettleOutcome } from '../../contract/sync';
import { centerTime } from '../../core/center-clock-format';
import { api, type PageErrorCode } from './api';
import { usePage } from './frame';
import { useStaff } from './staff-gate';

interface Props {
  counterGroup: string;
  /** Changes whenever the board was fetched again: the list follows it. */
  board: unknown;
  setError: (code: PageErrorCode) => void;
  settled: (ticketId: string) => void;
}

export function UncertainPanel({ counterGroup, board, setError, settled }: Props) {
  const { t, language, labels, local } = usePage();
  const { failed } = useStaff();
  const [tickets, setTickets] = useState<PrintUncertainTicket[]>([]);
  const load = useCallback(() => api<PrintUncertainList>(`/v1/tickets/print-uncertain?counterGroup=${encodeURIComponent(counterGroup)}`)
    .then((r) => setTickets(r.tickets), (e) => setError(failed(e))), [counterGroup, failed, setError]);
  useEffect(() => void load(), [load, board]);
  const settle = (ticketId: string, outcome: SettleOutcome) => void api(`/v1/tickets/${encodeURIComponent(ticketId)}/settle`, { method: 'POST', body: { outcome } })
    .then(() => settled(ticketId), (e) => setError(failed(e))).then(load);
  const service = (id: string) => (labels?.services[id] ? local(labels.services[id]) : '');
  return (
    <section class="card">
      <h2>{t('counter.uncertainTitle')}</h2>
      <div id="uncertain">
        {tickets.length === 0 ? <p>{t('counter.uncertainNone')}</p> : <p class="hint">{t('counter.uncertainHint')}</p>}
        {tickets.map((u) => (
          <div class="call" key={u.ticketId}>
            <b class="number">{u.display}</b>
            <span>{[service(u.serviceId), t('counter.uncertainIssued', { time: centerTime(u.issuedAt, language) })].filter(Boolean).join(' · ')}</span>
            <button class="secondary" data-settle={u.ticketId} data-outcome="callable" onClick={() => settle(u.ticketId, 'callable')}>{t('counter.settleCallable')}</button>
            <button class="secondary" data-settle={u.ticketId} data-outcome="void" onClick={() => settle(u.ticketId, 'void')}>{t('counter.settleVoid')}</button>
          </div>
        ))}
      </div>
    </section>
  );
}
