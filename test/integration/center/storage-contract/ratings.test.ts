/** Storage contract: ratings of served tickets (issue 18), on SQLite and on PostgreSQL. */
import type { RateInput } from '../../../../src/center/storage/port';
import { change, DAY, eachAdapter, ingestCtx, NOW } from './adapters';

const COUNTERS = [{ id: 'c1', label: 'Counter 1', counterGroup: 'civil-status' }, { id: 'c2', label: 'Counter 2', counterGroup: 'civil-status' }];
const op = { weights: {}, maxOvertakes: 3, day: DAY, nowMs: NOW };
const rating = (ticketId: string, p: Partial<RateInput> = {}): RateInput => ({ ticketId, score: 'satisfied', reasons: ['fast-service'], comment: null, source: 'phone', nowMs: NOW + 60_000, ...p });

eachAdapter('storage contract: ratings', (stores) => {
  it('rates a served ticket once, copying its counter, service, day and the session that completed it', async () => {
    const { a, b } = stores();
    await a.syncCounters(COUNTERS);
    const [served, waiting] = [change({ number: 1, issuedAt: NOW }), change({ number: 2, issuedAt: NOW + 1000 })];
    await a.ingest([served, waiting], ingestCtx());
    await a.counterOp({ ...op, counterId: 'c1', action: 'call-next' });
    await a.counterOp({ ...op, counterId: 'c1', action: 'complete', staffSession: 'session-hash-1' });
    expect(await a.rateTicket(rating(waiting.ticket.id))).toEqual({ ok: false, code: 'RATING_TICKET_NOT_COMPLETED' });
    expect(await a.rateTicket(rating(served.ticket.id, { counterId: 'c2', source: 'counter' }))).toEqual({ ok: false, code: 'RATING_TICKET_NOT_COMPLETED' });
    expect(await a.rateTicket(rating('00000000-0000-4000-8000-000000000000'))).toEqual({ ok: false, code: 'CENTER_NOT_FOUND' });
    expect(await b.ratingOf(served.ticket.id)).toBeNull();
    expect(await a.rateTicket(rating(served.ticket.id, { counterId: 'c1', source: 'counter', comment: 'Cảm ơn' }))).toEqual({ ok: true });
    const stored = {
      ticketId: served.ticket.id, score: 'satisfied', reasons: ['fast-service'], comment: 'Cảm ơn', source: 'counter', counterId: 'c1',
      serviceId: 'birth-registration', staffSession: 'session-hash-1', day: DAY, createdAtMs: NOW + 60_000,
    };
    expect(await b.ratingOf(served.ticket.id)).toEqual(stored);
    expect(await b.rateTicket(rating(served.ticket.id, { score: 'not-satisfied' }))).toEqual({ ok: false, code: 'RATING_ALREADY_GIVEN', existing: stored });
  });

  it('keeps one rating when two arrive for one ticket on two instances at once', async () => {
    const { a, b } = stores();
    await a.syncCounters(COUNTERS);
    const t = change({ number: 1 });
    await a.ingest([t], ingestCtx());
    await a.counterOp({ ...op, counterId: 'c1', action: 'call-next' });
    await a.counterOp({ ...op, counterId: 'c1', action: 'call-next' });
    const [x, y] = await Promise.all([a.rateTicket(rating(t.ticket.id, { score: 'very-satisfied' })), b.rateTicket(rating(t.ticket.id, { score: 'not-satisfied', source: 'robot' }))]);
    expect([x.ok, y.ok].sort()).toEqual([false, true]);
    const kept = await a.ratingOf(t.ticket.id);
    expect(kept?.staffSession).toBeNull();
    expect((x.ok ? y : x)).toEqual({ ok: false, code: 'RATING_ALREADY_GIVEN', existing: kept });
  });
});
