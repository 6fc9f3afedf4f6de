/**
 * The phone page's wait is the robot's wait: the center's ticket status carries the figures of
 * core's `estimateWait` for the same people ahead and counters, and core's `sayWait` words them.
 */
import { LANGUAGES, WaitStrings, type Language } from '../../../src/contract';
import { estimateWait, sayWait, statusWait } from '../../../src/core/queue';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, MONDAY_9AM, startTestCenter, ticketChange, type TestCenter } from './harness';

const strings = (lang: Language) => WaitStrings.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'locales', lang, 'wait.json'), 'utf8')));

describe('center: the wait of a ticket', () => {
  let c: TestCenter;
  afterEach(() => c?.close());

  it('is the estimate the robot computes for the same people ahead and counters, said the same way', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const tickets = [0, 1, 2].map((i) => ticketChange({ number: i + 1, issuedAt: MONDAY_9AM + i * 60_000 }));
    await c.call('POST', '/v1/tickets/batch', { changes: tickets }, bearer(token));
    const status = (id: string) => c.call('GET', `/v1/tickets/${id}/status`).then((r) => r.body);

    const service = DEMO_CATALOG.services.find((s) => s.id === tickets[2]!.ticket.serviceId)!;
    const counters = DEMO_CATALOG.counters.filter((k) => k.counterGroup === service.counterGroup).length;
    const robot = estimateWait({ localPeopleAhead: 2, recentServiceMinutes: [], expectedServiceMinutes: service.expectedServiceMinutes, counters });
    const third = await status(tickets[2]!.ticket.id);
    expect(third).toMatchObject({ peopleAhead: 2, waitMinutes: { min: robot.minMinutes, max: robot.maxMinutes } });
    for (const lang of LANGUAGES) expect(sayWait(statusWait(third)!, strings(lang))).toEqual(sayWait(robot, strings(lang)));

    // the first in line is told it is next, with no minutes
    const first = await status(tickets[0]!.ticket.id);
    expect(sayWait(statusWait(first)!, strings('vi'))).toEqual({ ahead: strings('vi').next, wait: null });
  });
});
