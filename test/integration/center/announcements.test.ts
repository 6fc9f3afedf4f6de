/** GET /v1/announcements/:ticketId: a called ticket's announcement as a WAV, spoken by espeak-ng on the center. */
import { bearer, startTestCenter, ticketChange, type TestCenter } from './harness';

describe('call announcements', () => {
  let c: TestCenter | undefined;
  afterEach(async () => c?.close());

  it('speaks only a ticket that is being called, as a well-formed WAV', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const t = ticketChange({ number: 1 });
    await c.call('POST', '/v1/tickets/batch', { changes: [t] }, bearer(token));
    expect((await c.call('GET', `/v1/announcements/${t.ticket.id}`)).body.error.code).toBe('CENTER_NOT_FOUND');
    expect((await c.call('GET', '/v1/announcements/not-a-ticket')).status).toBe(400);

    await c.staff('POST', '/v1/counters/counter-2/call-next');
    const res = await fetch(`${c.center.url}/v1/announcements/${t.ticket.id}?call=7`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    const wav = Buffer.from(await res.arrayBuffer());
    // the sizes in the header match the bytes: every player reads the whole sentence
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
    expect(wav.length - 44).toBeGreaterThan(22050 * 2); // more than a second of speech

    await c.staff('POST', '/v1/counters/counter-2/complete');
    expect((await c.call('GET', `/v1/announcements/${t.ticket.id}?call=8`)).status).toBe(404);
  });
});
