/** Storage contract: number leasing and ticket ingestion, on SQLite and on PostgreSQL. */
import type { LeaseInput } from '../../../../src/center/storage/port';
import { change, DAY, eachAdapter, ingestCtx, NOW, RULE, uuid } from './adapters';

const lease = (p: Partial<LeaseInput> = {}): LeaseInput => ({ robotId: 'robot-a', requestId: uuid(), prefix: 'A', day: DAY, rule: RULE, nowMs: NOW, ...p });

eachAdapter('storage contract: number leasing', (stores) => {
  it('leases consecutive blocks per prefix and day, each independent of the others', async () => {
    const { a } = stores();
    expect(await a.leaseBlock(lease())).toMatchObject({ ok: true, lease: { prefix: 'A', day: DAY, first: 1, last: 20 } });
    expect(await a.leaseBlock(lease())).toMatchObject({ ok: true, lease: { first: 21, last: 40 } });
    expect(await a.leaseBlock(lease({ prefix: 'B' }))).toMatchObject({ ok: true, lease: { prefix: 'B', first: 1, last: 20 } });
    expect(await a.leaseBlock(lease({ day: '2026-12-01' }))).toMatchObject({ ok: true, lease: { day: '2026-12-01', first: 1, last: 20 } });
  });

  it('answers a repeated request id with the block it already leased, and refuses it for another day', async () => {
    const { a, b } = stores();
    const first = lease();
    const leased = await a.leaseBlock(first);
    expect(await b.leaseBlock({ ...first, nowMs: NOW + 5000 })).toEqual(leased);
    expect(await a.leaseBlock({ ...first, day: '2026-12-01' })).toEqual({ ok: false, code: 'CENTER_INVALID_REQUEST' });
    expect(await a.leaseBlock(lease())).toMatchObject({ ok: true, lease: { first: 21 } });
  });

  it('says the numbers are used up when the leasable range is', async () => {
    const { a } = stores();
    const small = { ...RULE, dailyCap: 60, fallbackSlots: 1, fallbackSize: 20, blockSize: 20 };
    expect(await a.leaseBlock(lease({ rule: small }))).toMatchObject({ ok: true, lease: { first: 1, last: 20 } });
    expect(await a.leaseBlock(lease({ rule: small }))).toMatchObject({ ok: true, lease: { first: 21, last: 40 } });
    expect(await a.leaseBlock(lease({ rule: small }))).toEqual({ ok: false, code: 'CENTER_NUMBERS_EXHAUSTED' });
  });

  it('never hands out overlapping blocks to concurrent requests for one prefix and day on two instances', async () => {
    const { a, b } = stores();
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).leaseBlock(lease({ robotId: `robot-${i % 5}` }))));
    const blocks = outcomes.map((o) => (o.ok ? o.lease : null));
    expect(blocks.every((x) => x !== null)).toBe(true);
    const sorted = blocks.map((x) => x!).sort((x, y) => x.first - y.first);
    // contiguous, no gap and no overlap: block i is exactly 20i+1 .. 20i+20
    expect(sorted.map((x) => [x.first, x.last])).toEqual(Array.from({ length: 30 }, (_, i) => [i * 20 + 1, i * 20 + 20]));
  });

  it('takes a clock with fractions of a ms (an injected clock), keeping whole ms', async () => {
    const { a } = stores();
    expect(await a.leaseBlock(lease({ nowMs: NOW + 0.5 }))).toMatchObject({ ok: true, lease: { first: 1 } });
    await a.createEnrolmentCode('frac', null, NOW + 60_000.25, NOW + 0.75);
    expect(await a.ingest([change({ number: 1 })], ingestCtx('robot-a', NOW + 0.5))).toMatchObject([{ status: 'stored' }]);
    expect(Math.floor((await a.eventsAfter(0, 1))[0]!.at)).toBe(NOW);
  });

  it('gives one block to one request id sent to two instances at once', async () => {
    const { a, b } = stores();
    const same = lease();
    const [x, y] = await Promise.all([a.leaseBlock(same), b.leaseBlock(same)]);
    expect(x).toEqual(y);
    expect(await a.leaseBlock(lease())).toMatchObject({ ok: true, lease: { first: 21 } });
  });
});

eachAdapter('storage contract: ticket ingestion', (stores) => {
  it('stores a batch once: the same batch again answers duplicate, and each new waiting ticket is one queued event', async () => {
    const { a } = stores();
    const batch = Array.from({ length: 5 }, (_, i) => change({ number: i + 1 }));
    expect((await a.ingest(batch, ingestCtx())).map((r) => r.status)).toEqual(Array(5).fill('stored'));
    expect((await a.ingest(batch, ingestCtx())).map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
    expect(await a.countWaiting(DAY)).toEqual({ 'civil-status': 5 });
    const queued = (await a.eventsAfter(0, 100)).filter((e) => e.type === 'ticket.queued');
    expect(queued.map((e) => e.data.waiting)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the highest version: pending until printed, older is stale, voiding leaves the queue with an event', async () => {
    const { a } = stores();
    const id = uuid();
    const send = async (state: string, version: number) => (await a.ingest([change({ id, number: 1, state, version })], ingestCtx()))[0]!.status;
    expect(await send('printing', 2)).toBe('stored');
    expect(await a.getTicket(id)).toMatchObject({ status: 'pending', version: 2, robotId: 'robot-a', counterGroup: 'civil-status', display: 'A001', printUncertain: false });
    expect(await send('printed', 3)).toBe('stored');
    expect(await a.getTicket(id)).toMatchObject({ status: 'waiting', version: 3 });
    expect(await send('issued', 1)).toBe('stale');
    expect(await send('voided', 4)).toBe('stored');
    expect(await a.getTicket(id)).toMatchObject({ status: 'voided', robotState: 'voided', version: 4 });
    expect((await a.eventsAfter(0, 100)).map((e) => [e.type, e.data.waiting])).toEqual([['ticket.queued', 1], ['ticket.voided', 0]]);
  });

  it('answers each item on its own: invalid, another robot, unknown service, a number seen twice', async () => {
    const { a } = stores();
    const mine = change({ number: 7 });
    await a.ingest([mine], ingestCtx('robot-a'));
    const results = await a.ingest(
      [{ invalid: ['ticket.id: not a uuid'] }, mine, change({ number: 8, serviceId: 'unknown-service' }), change({ number: 7 }), change({ number: 9 })],
      ingestCtx('robot-b'),
    );
    expect(results.map((r) => [r.status, r.code ?? null])).toEqual([
      ['rejected', 'CENTER_INVALID_REQUEST'], ['rejected', 'SYNC_TICKET_CONFLICT'], ['stored', 'SERVICE_UNKNOWN'], ['stored', 'SYNC_NUMBER_DUPLICATE'], ['stored', null],
    ]);
    expect((await a.getTicket(results[2]!.ticketId!))?.counterGroup).toBe('unassigned');
    expect(await a.getTicket(uuid())).toBeNull();
  });

  it('reports a batch as if its tickets came one by one: each event counts the queue after its own ticket, the later of two equal numbers is the duplicate', async () => {
    const { a } = stores();
    await a.ingest([change({ number: 1 })], ingestCtx());
    const first = change({ number: 2 });
    const batch = [
      first, change({ number: 3, serviceId: 'business-license', prefix: 'B' }), change({ number: 4 }), change({ number: 4 }),
      { ...first, version: 4, ticket: { ...first.ticket, state: 'voided' as const } }, change({ number: 5 }),
    ];
    const results = await a.ingest(batch, ingestCtx());
    expect(results.map((r) => [r.status, r.code ?? null])).toEqual([
      ['stored', null], ['stored', null], ['stored', null], ['stored', 'SYNC_NUMBER_DUPLICATE'], ['stored', null], ['stored', null],
    ]);
    const events = (await a.eventsAfter(1, 100)).map((e) => [e.type, e.data.display, e.data.waiting]);
    expect(events).toEqual([
      ['ticket.queued', 'A002', 2], ['ticket.queued', 'B003', 1], ['ticket.queued', 'A004', 3], ['ticket.queued', 'A004', 4],
      ['ticket.voided', 'A002', 3], ['ticket.queued', 'A005', 4],
    ]);
    expect(await a.countWaiting(DAY)).toEqual({ 'civil-status': 4, business: 1 });
  });

  it('stores one ticket sent by two instances at once exactly once, with one queued event', async () => {
    const { a, b } = stores();
    for (let i = 0; i < 10; i++) {
      const c = change({ number: i + 1 });
      const [x, y] = await Promise.all([a.ingest([c], ingestCtx()), b.ingest([c], ingestCtx())]);
      expect([x[0]!.status, y[0]!.status].sort()).toEqual(['duplicate', 'stored']);
    }
    expect(await b.countWaiting(DAY)).toEqual({ 'civil-status': 10 });
    expect((await a.eventsAfter(0, 100)).filter((e) => e.type === 'ticket.queued')).toHaveLength(10);
  });

  it('lists the waiting line of a group and day with how often each was overtaken', async () => {
    const { a } = stores();
    const early = change({ number: 1, issuedAt: NOW });
    const late = change({ number: 2, issuedAt: NOW + 60_000 });
    await a.ingest([early, late, change({ number: 3, day: '2026-12-01' }), change({ number: 4, serviceId: 'business-license' })], ingestCtx());
    await a.syncCounters([{ id: 'c1', label: '1', counterGroup: 'civil-status' }]);
    const waiting = await a.waitingIn('civil-status', DAY);
    expect(waiting.map((t) => [t.number, t.overtakenBy]).sort()).toEqual([[1, 0], [2, 0]]);
    // a later priority ticket is called first: both earlier ones were overtaken once
    await a.ingest([change({ number: 5, issuedAt: NOW + 120_000, categoryId: 'elderly' })], ingestCtx());
    await a.counterOp({ counterId: 'c1', action: 'call-next', weights: { elderly: 10 }, maxOvertakes: 3, day: DAY, nowMs: NOW });
    expect((await a.waitingIn('civil-status', DAY)).map((t) => [t.number, t.overtakenBy]).sort()).toEqual([[1, 1], [2, 1]]);
    expect(await a.countWaiting(DAY)).toEqual({ 'civil-status': 2, business: 1 });
  });

  it('marks tickets a robot crashed while printing, and staff settle them once', async () => {
    const { a, b } = stores();
    const uncertain = change({ number: 1, state: 'printing' });
    uncertain.attention = 'QUEUE_PRINT_OUTCOME_UNKNOWN';
    const other = change({ number: 2, state: 'printing' });
    other.attention = 'QUEUE_PRINT_OUTCOME_UNKNOWN';
    await a.ingest([uncertain, other], ingestCtx());
    expect((await b.printUncertain(DAY)).map((t) => [t.number, t.status, t.printUncertain])).toEqual([[1, 'waiting', true], [2, 'waiting', true]]);
    expect(await a.printUncertain(DAY, 'business')).toEqual([]);
    expect(await a.settleTicket(uncertain.ticket.id, 'callable', NOW)).toMatchObject({ ok: true, ticket: { status: 'waiting', printUncertain: false } });
    expect(await a.settleTicket(other.ticket.id, 'void', NOW)).toMatchObject({ ok: true, ticket: { status: 'voided' } });
    expect(await a.settleTicket(other.ticket.id, 'callable', NOW)).toEqual({ ok: false, code: 'QUEUE_TICKET_STATE_CONFLICT' });
    expect(await a.settleTicket(uuid(), 'void', NOW)).toEqual({ ok: false, code: 'CENTER_NOT_FOUND' });
    expect(await a.printUncertain(DAY)).toEqual([]);
  });
});
