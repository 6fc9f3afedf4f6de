import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { bearer, MONDAY_9AM, startTestCenter, ticketChange, type TestCenter } from './harness';


const MIN = 60_000;

describe('center: counter operations', () => {
  let c: TestCenter;
  afterEach(() => c?.close());

  async function seed(changes: ReturnType<typeof ticketChange>[]) {
    const { token } = await c.enrol('robot-a');
    const r = await c.call('POST', '/v1/tickets/batch', { changes }, bearer(token));
    expect(r.body.results.every((x: { status: string }) => x.status === 'stored')).toBe(true);
  }

  it('calls by priority weight, then order of issue', async () => {
    c = await startTestCenter();
    await seed([
      ticketChange({ number: 1, issuedAt: MONDAY_9AM }),
      ticketChange({ number: 2, issuedAt: MONDAY_9AM + 1 * MIN, categoryId: 'child-under-6' }), // weight 2
      ticketChange({ number: 3, issuedAt: MONDAY_9AM + 2 * MIN, categoryId: 'elderly' }), // weight 3
      ticketChange({ number: 4, issuedAt: MONDAY_9AM - 1 * MIN }), // normal, issued earliest
      ticketChange({ number: 5, issuedAt: MONDAY_9AM + 3 * MIN, categoryId: 'pregnant' }), // weight 3, later
      ticketChange({ number: 6, issuedAt: MONDAY_9AM + 4 * MIN, state: 'printing' }), // not printed yet: not callable
    ]);
    const called: string[] = [];
    for (;;) {
      const r = await c.staff('POST', '/v1/counters/counter-1/call-next');
      if (r.status !== 200) {
        expect(r.body.error.code).toBe('CENTER_QUEUE_EMPTY');
        break;
      }
      called.push(r.body.current.display);
    }
    expect(called).toEqual(['A003', 'A005', 'A002', 'A004', 'A001']);
  });

  it('recalls, skips, completes and transfers the current ticket; the board and ticket status follow', async () => {
    c = await startTestCenter();
    const t1 = ticketChange({ number: 1 });
    const t2 = ticketChange({ number: 2, issuedAt: MONDAY_9AM + MIN });
    const t3 = ticketChange({ number: 3, issuedAt: MONDAY_9AM + 2 * MIN });
    await seed([t1, t2, t3]);
    const status = (id: string) => c.call('GET', `/v1/tickets/${id}/status`).then((r) => r.body);
    // two people ahead, each the service's expected minutes, shared by the group's counters (core's estimateWait)
    const service = DEMO_CATALOG.services.find((s) => s.id === t3.ticket.serviceId)!;
    const counters = DEMO_CATALOG.counters.filter((k) => k.counterGroup === service.counterGroup).length;
    const mid = (2 * service.expectedServiceMinutes) / counters;
    expect(await status(t3.ticket.id)).toMatchObject({ status: 'waiting', peopleAhead: 2, waitMinutes: { min: Math.floor(mid * 0.5), max: Math.ceil(mid * 1.5) } });

    expect((await c.staff('POST', '/v1/counters/counter-1/recall')).body.error.code).toBe('CENTER_NO_CURRENT_TICKET');
    expect((await c.staff('POST', '/v1/counters/counter-1/call-next')).body.current.display).toBe('A001');
    expect((await c.staff('POST', '/v1/counters/counter-1/recall')).body.current.display).toBe('A001');
    expect(await status(t1.ticket.id)).toMatchObject({ status: 'called', counterLabel: 'Quầy 1', waitMinutes: null });
    expect((await c.call('GET', '/v1/board')).body.counters[0]).toMatchObject({ id: 'counter-1', serving: 'A001' });

    expect((await c.staff('POST', '/v1/counters/counter-1/skip')).body.current).toBeNull();
    expect(await status(t1.ticket.id)).toMatchObject({ status: 'skipped' });

    await c.staff('POST', '/v1/counters/counter-1/call-next'); // A002
    expect((await c.staff('POST', '/v1/counters/counter-1/transfer', { toCounterGroup: 'land' })).body.current).toBeNull();
    expect((await c.staff('POST', '/v1/counters/counter-1/transfer', { toCounterGroup: 'nowhere' })).body.error.code).toBe('CENTER_NO_CURRENT_TICKET');
    expect((await c.staff('POST', '/v1/counters/counter-4/call-next')).body.current).toMatchObject({ display: 'A002', counterGroup: 'land' });
    expect((await c.staff('POST', '/v1/counters/counter-4/complete')).body.current).toBeNull();
    expect(await status(t2.ticket.id)).toMatchObject({ status: 'served' });

    // call-next completes the ticket the counter was serving
    await c.staff('POST', '/v1/counters/counter-1/call-next'); // A003
    expect((await c.staff('POST', '/v1/counters/counter-1/call-next')).body.error.code).toBe('CENTER_QUEUE_EMPTY');
    expect(await status(t3.ticket.id)).toMatchObject({ status: 'served' });
    expect((await c.staff('POST', '/v1/counters/counter-9/call-next')).body.error.code).toBe('CENTER_COUNTER_UNKNOWN');
    expect((await c.call('POST', '/v1/counters/counter-1/call-next', {})).body.error.code).toBe('CENTER_STAFF_UNAUTHORIZED');
  });

  it('does not call yesterday\'s leftovers today', async () => {
    c = await startTestCenter();
    await seed([ticketChange({ number: 1, day: '2026-11-29' })]);
    expect((await c.staff('POST', '/v1/counters/counter-1/call-next')).body.error.code).toBe('CENTER_QUEUE_EMPTY');
  });
});
