import { bearer, startTestCenter, ticketChange, type TestCenter } from './harness';
import { readStream } from './sse-reader';

describe('center: realtime stream', () => {
  let c: TestCenter;
  afterEach(() => c?.close());

  async function issue(token: string, from: number, count: number) {
    const changes = Array.from({ length: count }, (_, i) => ticketChange({ number: from + i }));
    await c.call('POST', '/v1/tickets/batch', { changes }, bearer(token));
  }

  it('a client dropped every few events resumes from its last id and sees every event once, in order', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const start = (await c.call('GET', '/v1/board')).body.lastEventId as number;
    const seen: number[] = [];
    let last = start;
    let drops = 0;
    const writer = (async () => {
      for (let i = 0; i < 10; i++) await issue(token, i * 5 + 1, 5);
    })();
    // a stream that drops every 3 events, alternating the two ways of resuming
    while (seen.length < 50) {
      const reader = drops % 2 === 0 ? readStream(`${c.center.url}/v1/stream?after=${last}`) : readStream(`${c.center.url}/v1/stream`, { 'last-event-id': String(last) });
      const got = await reader.waitFor(Math.min(3, 50 - seen.length)).catch(() => reader.events);
      reader.drop();
      drops++;
      for (const e of got.slice(0, 3)) {
        seen.push(e.id);
        last = e.id;
        expect(e.type).toBe('ticket.queued');
        expect(e.data).toMatchObject({ id: e.id, type: 'ticket.queued', data: { counterGroup: 'civil-status' } });
      }
    }
    await writer;
    expect(drops).toBeGreaterThanOrEqual(16);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => start + i + 1));
  });

  it('pushes calls to live clients, and tells a client with an unknown id to start over', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    await issue(token, 1, 2);
    const live = readStream(`${c.center.url}/v1/stream`);
    // the center fixed the stream's starting id before it answered: the call below comes after it
    await live.connected;
    await c.staff('POST', '/v1/counters/counter-1/call-next');
    const [called] = await live.waitFor(1);
    expect(called).toMatchObject({ type: 'ticket.called', data: { data: { display: 'A001', counterLabel: 'Quầy 1', waiting: 1 } } });
    live.drop();
    const stranger = readStream(`${c.center.url}/v1/stream?after=999999`);
    const [reset] = await stranger.waitFor(1);
    expect(reset!.type).toBe('stream.reset');
    stranger.drop();
  });
});
