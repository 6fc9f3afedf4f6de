import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { bearer, startTestCenter, ticketChange, type TestCenter } from './harness';


function centerRows(dataDir: string): { ticket_id: string; version: number; status: string; robot_state: string }[] {
  const db = new Database(join(dataDir, 'center.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT ticket_id, version, status, robot_state FROM tickets ORDER BY seq').all() as never;
  } finally {
    db.close();
  }
}

describe('center: idempotent ticket ingestion', () => {
  let c: TestCenter;
  afterEach(() => c?.close());

  it('stores a batch sent twice exactly once, answering duplicate per item the second time', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const batch = Array.from({ length: 50 }, (_, i) => ticketChange({ number: i + 1 }));
    const first = await c.call('POST', '/v1/tickets/batch', { changes: batch }, bearer(token));
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(Array(50).fill('stored'));
    const second = await c.call('POST', '/v1/tickets/batch', { changes: batch }, bearer(token));
    expect(second.body.results.map((r: { status: string }) => r.status)).toEqual(Array(50).fill('duplicate'));
    const rows = centerRows(c.dataDir);
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.ticket_id)).size).toBe(50);
    expect((await c.call('GET', '/v1/board')).body.waiting['civil-status']).toBe(50);
    // one ticket.queued event per stored ticket, each with the queue length after it
    const queued = (await c.center.ctx.storage.eventsAfter(0, 1000)).filter((e) => e.type === 'ticket.queued');
    expect(queued.map((e) => e.data.waiting)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('keeps the highest version: newer updates, older is stale, voiding takes a waiting ticket out of the queue', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const id = randomUUID();
    const send = (state: string, version: number) => c.call('POST', '/v1/tickets/batch', { changes: [ticketChange({ id, number: 1, state, version })] }, bearer(token));
    expect((await send('printing', 2)).body.results[0].status).toBe('stored');
    expect(centerRows(c.dataDir)[0]).toMatchObject({ status: 'pending', version: 2 });
    expect((await send('printed', 3)).body.results[0].status).toBe('stored');
    expect(centerRows(c.dataDir)[0]).toMatchObject({ status: 'waiting', version: 3 });
    expect((await send('issued', 1)).body.results[0].status).toBe('stale');
    expect((await send('voided', 4)).body.results[0].status).toBe('stored');
    expect(centerRows(c.dataDir)[0]).toMatchObject({ status: 'voided', robot_state: 'voided', version: 4 });
  });

  it('answers each item on its own: a malformed item or an identity conflict does not hold back the rest', async () => {
    c = await startTestCenter();
    const a = await c.enrol('robot-a');
    const b = await c.enrol('robot-b');
    const mine = ticketChange({ number: 5 });
    await c.call('POST', '/v1/tickets/batch', { changes: [mine] }, bearer(a.token));
    const changes = [
      ticketChange({ number: 6 }),
      { ticket: { id: 'not-a-uuid', number: -1 } },
      ticketChange({ id: mine.ticket.id, number: 99 }), // same id, another number
      ticketChange({ number: 7, serviceId: 'no-such-service' }),
      ticketChange({ number: 5 }), // same number again: stored (never lose a ticket) but flagged
    ];
    const r = await c.call('POST', '/v1/tickets/batch', { changes }, bearer(a.token));
    expect(r.body.results.map((x: { status: string; code?: string }) => [x.status, x.code ?? null])).toEqual([
      ['stored', null],
      ['rejected', 'CENTER_INVALID_REQUEST'],
      ['rejected', 'SYNC_TICKET_CONFLICT'],
      ['stored', 'SERVICE_UNKNOWN'],
      ['stored', 'SYNC_NUMBER_DUPLICATE'],
    ]);
    // another robot cannot overwrite robot-a's ticket
    const stolen = await c.call('POST', '/v1/tickets/batch', { changes: [{ ...mine, version: 9 }] }, bearer(b.token));
    expect(stolen.body.results[0]).toMatchObject({ status: 'rejected', code: 'SYNC_TICKET_CONFLICT' });
  });
});
