/** Storage contract: counters and counter operations, on SQLite and on PostgreSQL. */
import type { CounterOpInput } from '../../../../src/center/storage/port';
import { change, DAY, eachAdapter, ingestCtx, NOW } from './adapters';

const COUNTERS = [
  { id: 'c1', label: 'Counter 1', counterGroup: 'civil-status' },
  { id: 'c2', label: 'Counter 2', counterGroup: 'civil-status' },
  { id: 'c3', label: 'Counter 3', counterGroup: 'business' },
];

const op = (counterId: string, action: CounterOpInput['action'], extra: Partial<CounterOpInput> = {}): CounterOpInput => ({
  counterId, action, weights: { elderly: 10 }, maxOvertakes: 3, day: DAY, nowMs: NOW, ...extra,
});

eachAdapter('storage contract: counters', (stores) => {
  it('syncs the catalog counters: adds, relabels and removes', async () => {
    const { a, b } = stores();
    await a.syncCounters(COUNTERS);
    await b.syncCounters([{ ...COUNTERS[0]!, label: 'Quầy 1' }, COUNTERS[2]!]);
    expect(await a.listCounters()).toEqual([
      { id: 'c1', label: 'Quầy 1', counterGroup: 'civil-status', current: null },
      { id: 'c3', label: 'Counter 3', counterGroup: 'business', current: null },
    ]);
  });

  it('calls in order of issue, serves the previous ticket on the next call, and reports each step as an event', async () => {
    const { a } = stores();
    await a.syncCounters(COUNTERS);
    const [first, second] = [change({ number: 1, issuedAt: NOW }), change({ number: 2, issuedAt: NOW + 1000 })];
    await a.ingest([second, first], ingestCtx());
    const called = await a.counterOp(op('c1', 'call-next'));
    expect(called).toMatchObject({ ok: true, current: { ticketId: first.ticket.id, status: 'called', counterId: 'c1' } });
    expect(await a.counterOp(op('c1', 'recall'))).toMatchObject({ ok: true, current: { ticketId: first.ticket.id } });
    expect(await a.counterOp(op('c1', 'call-next'))).toMatchObject({ ok: true, current: { ticketId: second.ticket.id } });
    expect(await a.getTicket(first.ticket.id)).toMatchObject({ status: 'served' });
    expect((await a.listCounters()).find((c) => c.id === 'c1')?.current).toMatchObject({ ticketId: second.ticket.id });
    expect(await a.counterOp(op('c1', 'complete'))).toEqual({ ok: true, current: null });
    expect(await a.getTicket(second.ticket.id)).toMatchObject({ status: 'served' });
    expect(await a.counterOp(op('c1', 'call-next'))).toEqual({ ok: false, code: 'CENTER_QUEUE_EMPTY' });
    const types = (await a.eventsAfter(0, 100)).map((e) => e.type);
    expect(types).toEqual(['ticket.queued', 'ticket.queued', 'ticket.called', 'ticket.recalled', 'ticket.served', 'ticket.called', 'ticket.served']);
    const calledEvent = (await a.eventsAfter(0, 100)).find((e) => e.type === 'ticket.called');
    expect(calledEvent?.data).toMatchObject({ ticketId: first.ticket.id, counterId: 'c1', counterLabel: 'Counter 1', counterGroup: 'civil-status', waiting: 1 });
  });

  it('skips and transfers (the transferred ticket keeps its place by issue time), and refuses what cannot be done', async () => {
    const { a } = stores();
    await a.syncCounters(COUNTERS);
    const t1 = change({ number: 1, issuedAt: NOW });
    const t2 = change({ number: 2, issuedAt: NOW + 1000 });
    const biz = change({ number: 3, issuedAt: NOW + 500, serviceId: 'business-license' });
    await a.ingest([t1, t2, biz], ingestCtx());
    expect(await a.counterOp(op('nope', 'call-next'))).toEqual({ ok: false, code: 'CENTER_COUNTER_UNKNOWN' });
    expect(await a.counterOp(op('c1', 'skip'))).toEqual({ ok: false, code: 'CENTER_NO_CURRENT_TICKET' });
    await a.counterOp(op('c1', 'call-next'));
    expect(await a.counterOp(op('c1', 'transfer', { toCounterGroup: 'nowhere' }))).toEqual({ ok: false, code: 'CENTER_COUNTER_UNKNOWN' });
    expect(await a.counterOp(op('c1', 'transfer', { toCounterGroup: 'business' }))).toEqual({ ok: true, current: null });
    expect(await a.getTicket(t1.ticket.id)).toMatchObject({ status: 'waiting', counterGroup: 'business', counterId: null });
    expect(await a.counterOp(op('c3', 'call-next'))).toMatchObject({ ok: true, current: { ticketId: t1.ticket.id } });
    expect(await a.counterOp(op('c3', 'skip'))).toEqual({ ok: true, current: null });
    expect(await a.getTicket(t1.ticket.id)).toMatchObject({ status: 'skipped' });
    expect(await a.countWaiting(DAY)).toEqual({ 'civil-status': 1, business: 1 });
  });

  it('never lets two counters call the same ticket, on two instances at once', async () => {
    const { a, b } = stores();
    await a.syncCounters(COUNTERS);
    const tickets = Array.from({ length: 12 }, (_, i) => change({ number: i + 1, issuedAt: NOW + i * 1000 }));
    await a.ingest(tickets, ingestCtx());
    const calledBy: Record<string, string[]> = { c1: [], c2: [] };
    for (let round = 0; round < 6; round++) {
      const [x, y] = await Promise.all([a.counterOp(op('c1', 'call-next')), b.counterOp(op('c2', 'call-next'))]);
      for (const [counter, o] of [['c1', x], ['c2', y]] as const) if (o.ok && o.current) calledBy[counter]!.push(o.current.ticketId);
    }
    const all = [...calledBy.c1!, ...calledBy.c2!];
    expect(all).toHaveLength(12);
    expect(new Set(all).size).toBe(12);
    // each round called the two first in line: the order of issue holds across the two counters
    const rounds = Array.from({ length: 6 }, (_, i) => [calledBy.c1![i], calledBy.c2![i]].sort());
    expect(rounds).toEqual(Array.from({ length: 6 }, (_, i) => [tickets[2 * i]!.ticket.id, tickets[2 * i + 1]!.ticket.id].sort()));
    expect(await a.countWaiting(DAY)).toEqual({});
  });

  it('never calls a ticket that staff void at the same moment', async () => {
    const { a, b } = stores();
    await a.syncCounters(COUNTERS);
    for (let i = 0; i < 5; i++) {
      const t = change({ number: i + 1, state: 'printing' });
      t.attention = 'QUEUE_PRINT_OUTCOME_UNKNOWN';
      await a.ingest([t], ingestCtx());
      const [called, voided] = await Promise.all([a.counterOp(op(i % 2 ? 'c1' : 'c2', 'call-next')), b.settleTicket(t.ticket.id, 'void', NOW)]);
      const ticket = (await a.getTicket(t.ticket.id))!;
      if (voided.ok) {
        expect(ticket.status).toBe('voided');
        expect(called).toMatchObject({ ok: false, code: 'CENTER_QUEUE_EMPTY' });
      } else {
        expect(voided).toEqual({ ok: false, code: 'QUEUE_TICKET_STATE_CONFLICT' });
        expect(ticket.status).toBe('called');
      }
    }
  });
});
