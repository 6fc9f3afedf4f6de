/**
 * "Call next" at the center follows the one calling rule of src/core/queue/call-order.ts: priority
 * first, but a normal ticket is passed by at most the catalog's `calling.maxOvertakes` tickets
 * issued after it, however many priority tickets keep coming. The phone status page counts the
 * people ahead by the same rule.
 */
import type { Catalog } from '../../../src/contract';
import { DEFAULT_MAX_OVERTAKES } from '../../../src/core/queue';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { bearer, MONDAY_9AM, startTestCenter, ticketChange, type TestCenter } from './harness';

const MIN = 60_000;

describe('center: calling order without starvation', () => {
  let c: TestCenter;
  afterEach(() => c?.close());

  async function run(catalog: Catalog, elderly: number) {
    c = await startTestCenter({ catalog });
    const { token } = await c.enrol('robot-a');
    const normal = ticketChange({ number: 1, issuedAt: MONDAY_9AM });
    const rest = Array.from({ length: elderly }, (_, i) => ticketChange({ number: i + 2, issuedAt: MONDAY_9AM + (i + 1) * MIN, categoryId: 'elderly' }));
    await c.call('POST', '/v1/tickets/batch', { changes: [normal, ...rest] }, bearer(token));
    const ahead = (await c.call('GET', `/v1/tickets/${normal.ticket.id}/status`)).body.peopleAhead as number;
    const called: string[] = [];
    // a steady stream: one more elderly person arrives after each call
    for (let i = 0; i < elderly; i++) {
      called.push((await c.staff('POST', '/v1/counters/counter-1/call-next')).body.current.display as string);
      const more = ticketChange({ number: 100 + i, issuedAt: MONDAY_9AM + (elderly + 1 + i) * MIN, categoryId: 'elderly' });
      await c.call('POST', '/v1/tickets/batch', { changes: [more] }, bearer(token));
    }
    return { ahead, position: called.indexOf('A001') };
  }

  it('calls a normal ticket after at most the configured number of later priority tickets', async () => {
    const { ahead, position } = await run({ ...DEMO_CATALOG, calling: { maxOvertakes: 2 } }, 6);
    expect(position).toBe(2);
    expect(ahead).toBe(2);
  });

  it('uses the default bound when the catalog names none', async () => {
    const { ahead, position } = await run(DEMO_CATALOG, DEFAULT_MAX_OVERTAKES + 3);
    expect(position).toBe(DEFAULT_MAX_OVERTAKES);
    expect(ahead).toBe(DEFAULT_MAX_OVERTAKES);
  });
});
