/**
 * Counter operations. Each is one transaction that changes the ticket, the counter and appends
 * the stream event together. "Call next" first completes the ticket the counter was serving
 * (staff press one button between citizens), then picks by the core calling rule (priority
 * weight, order of issue, and nobody passed by more than `maxOvertakes` later tickets).
 */
import { nextToCall } from '../../../core/queue/call-order';
import { toQueued } from '../../domain/calling';
import type { CenterTicket, CounterOpInput, CounterOpOutcome, CounterRecord } from '../port';
import { appendEvent } from './events';
import type { Db } from './open';
import { countWaitingIn, getTicket, waitingIn } from './tickets';

interface CounterRow {
  id: string;
  label: string;
  counter_group: string;
  current_ticket_id: string | null;
}

export function syncCounters(db: Db, counters: readonly CounterRecord[]): void {
  db.transaction(() => {
    const upsert = db.prepare(
      'INSERT INTO counters (id, label, counter_group) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET label = excluded.label, counter_group = excluded.counter_group',
    );
    for (const c of counters) upsert.run(c.id, c.label, c.counterGroup);
    const keep = new Set(counters.map((c) => c.id));
    for (const row of db.prepare('SELECT id FROM counters').all() as { id: string }[]) {
      if (!keep.has(row.id)) db.prepare('DELETE FROM counters WHERE id = ?').run(row.id);
    }
  }).immediate();
}

export function listCounters(db: Db): (CounterRecord & { current: CenterTicket | null })[] {
  const rows = db.prepare('SELECT * FROM counters ORDER BY id').all() as CounterRow[];
  return rows.map((r) => ({ id: r.id, label: r.label, counterGroup: r.counter_group, current: r.current_ticket_id ? getTicket(db, r.current_ticket_id) : null }));
}

function setTicket(db: Db, ticketId: string, status: string, counterId: string | null, nowMs: number, extra = ''): void {
  db.prepare(`UPDATE tickets SET status = ?, counter_id = ?, updated_at_ms = ?${extra} WHERE ticket_id = ?`).run(status, counterId, nowMs, ticketId);
}

export function counterOp(db: Db, input: CounterOpInput): CounterOpOutcome {
  return db.transaction((): CounterOpOutcome => {
    const counter = db.prepare('SELECT * FROM counters WHERE id = ?').get(input.counterId) as CounterRow | undefined;
    if (!counter) return { ok: false, code: 'CENTER_COUNTER_UNKNOWN' };
    const now = input.nowMs;
    const current = counter.current_ticket_id ? getTicket(db, counter.current_ticket_id) : null;
    const active = current && current.status === 'called' ? current : null;
    const at = (t: CenterTicket) => ({ ticketId: t.ticketId, display: t.display, counterId: counter.id, counterLabel: counter.label, counterGroup: t.counterGroup });
    const clear = () => db.prepare('UPDATE counters SET current_ticket_id = NULL WHERE id = ?').run(counter.id);

    // who completed a ticket is kept on it: its rating is counted for that staff session
    const served = (ticketId: string) => {
      setTicket(db, ticketId, 'served', counter.id, now, ', done_at_ms = ' + now);
      db.prepare('UPDATE tickets SET served_by_session = ? WHERE ticket_id = ?').run(input.staffSession ?? null, ticketId);
    };

    if (input.action === 'call-next') {
      if (active) {
        served(active.ticketId);
        appendEvent(db, { type: 'ticket.served', data: at(active) }, now);
        clear();
      }
      const next = nextToCall(waitingIn(db, counter.counter_group, input.day).map(toQueued), { weights: input.weights, maxOvertakes: input.maxOvertakes })?.ticket;
      if (!next) return { ok: false, code: 'CENTER_QUEUE_EMPTY' };
      setTicket(db, next.ticketId, 'called', counter.id, now, ', called_at_ms = ' + now);
      db.prepare('UPDATE counters SET current_ticket_id = ? WHERE id = ?').run(next.ticketId, counter.id);
      appendEvent(db, { type: 'ticket.called', data: { ...at(next), waiting: countWaitingIn(db, counter.counter_group, input.day) } }, now);
      return { ok: true, current: getTicket(db, next.ticketId) };
    }
    if (!active) return { ok: false, code: 'CENTER_NO_CURRENT_TICKET' };
    switch (input.action) {
      case 'recall':
        appendEvent(db, { type: 'ticket.recalled', data: at(active) }, now);
        return { ok: true, current: active };
      case 'skip':
        setTicket(db, active.ticketId, 'skipped', counter.id, now, ', done_at_ms = ' + now);
        clear();
        appendEvent(db, { type: 'ticket.skipped', data: at(active) }, now);
        return { ok: true, current: null };
      case 'complete':
        served(active.ticketId);
        clear();
        appendEvent(db, { type: 'ticket.served', data: at(active) }, now);
        return { ok: true, current: null };
      case 'transfer': {
        const to = input.toCounterGroup ?? '';
        if (!db.prepare('SELECT 1 FROM counters WHERE counter_group = ?').get(to)) return { ok: false, code: 'CENTER_COUNTER_UNKNOWN' };
        // keeps its issue time: the citizen does not go to the back of the other queue
        db.prepare("UPDATE tickets SET status = 'waiting', counter_group = ?, counter_id = NULL, updated_at_ms = ? WHERE ticket_id = ?").run(to, now, active.ticketId);
        clear();
        appendEvent(db, { type: 'ticket.transferred', data: { ...at(active), counterGroup: to, waiting: countWaitingIn(db, to, active.day) } }, now);
        return { ok: true, current: null };
      }
    }
  }).immediate();
}
