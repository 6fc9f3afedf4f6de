/**
 * A call or a served mark from the center that the robot's store cannot save is said, with its own
 * code and a log line; a mark for another robot's ticket is simply not this robot's business.
 */
import { randomUUID } from 'node:crypto';
import type { StreamEvent } from '../../../src/contract/sync';
import { CenterHttp } from '../../../src/controller/sync/center-http';
import { memoryCredentialStore } from '../../../src/controller/sync/credentials';
import { newLinkState } from '../../../src/controller/sync/link-state';
import { createLiveBoard } from '../../../src/controller/sync/live-board';

function client(applyCenterMark: () => void) {
  const lines: { level: string; obj: Record<string, unknown> }[] = [];
  const log = { info: (obj: object) => void lines.push({ level: 'info', obj: obj as Record<string, unknown> }), warn: (obj: object) => void lines.push({ level: 'warn', obj: obj as Record<string, unknown> }) };
  const outbox = { pendingCount: () => 0 } as never;
  const options = { centerUrl: 'http://127.0.0.1:9', robotId: 'robot-a', version: 't', outbox, credentials: memoryCredentialStore(), marks: { applyCenterMark, flag: () => undefined }, log };
  const link = newLinkState(false);
  const board = createLiveBoard({ options, http: new CenterHttp({ baseUrl: options.centerUrl, now: Date.now }), now: Date.now, log, link, changed: () => undefined });
  return { board, link, lines };
}

const called = (): StreamEvent => ({ id: 1, at: Date.parse('2026-11-30T02:00:00Z'), type: 'ticket.called', data: { ticketId: randomUUID(), counterId: 'counter-1', display: 'A001' } });

it('a store failure while saving a center mark is SYNC_MARK_STORE_FAILED, logged and shown in the sync state', () => {
  const { board, link, lines } = client(() => {
    throw Object.assign(new Error('SQLITE_IOERR: disk I/O error'), { code: 'SQLITE_IOERR' });
  });
  board.apply(called());
  expect(lines).toContainEqual({ level: 'warn', obj: expect.objectContaining({ code: 'SYNC_MARK_STORE_FAILED', event: 'ticket.called' }) });
  expect(link.lastErrorCode).toBe('SYNC_MARK_STORE_FAILED');
});

it('a mark for a ticket the store does not know passes without a word', () => {
  const { board, link, lines } = client(() => undefined);
  board.apply(called());
  expect(lines).toEqual([]);
  expect(link.lastErrorCode).toBeNull();
});
