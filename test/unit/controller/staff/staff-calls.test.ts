import { commands, isCodedError, type StaffCall } from '../../../../src/contract';
import { createLogger } from '../../../../src/controller/log';
import { REPEAT_WINDOW_MS, staffCalls } from '../../../../src/controller/staff/staff-calls';
import { MAX_PENDING_CALLS, StaffCallOutbox } from '../../../../src/controller/staff/staff-outbox';
import type { StaffNotifier } from '../../../../src/controller/staff/port';

const TICKET = '3f1c2b7e-2d0a-4c55-9a53-0b1f6d8e9a11';

function rig(notifier: StaffNotifier = new StaffCallOutbox()) {
  let now = Date.parse('2026-11-30T01:00:00Z');
  let seq = 0;
  const heard: StaffCall[] = [];
  const call = staffCalls({
    notifier, robotId: 'robot-1', log: createLogger('silent'),
    now: () => new Date(now),
    newId: () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
    ticketDisplay: (id) => (id === TICKET ? 'A007' : undefined),
    onCalled: (c) => heard.push(c),
  });
  return { call, heard, advance: (ms: number) => (now += ms) };
}

describe('staff calls', () => {
  it('records a call with the robot, the time, the language and the ticket number, and tells listeners', async () => {
    const outbox = new StaffCallOutbox();
    const seen: StaffCall[] = [];
    outbox.onCall((c) => seen.push(c));
    const { call, heard } = rig(outbox);
    const reply = await call({ reason: 'printer-failed', language: 'ko', ticketId: TICKET });
    expect(reply).toEqual({ callId: '00000000-0000-4000-8000-000000000001', calledAt: '2026-11-30T01:00:00.000Z', repeated: false });
    const expected = { id: reply.callId, reason: 'printer-failed', language: 'ko', ticketId: TICKET, ticketDisplay: 'A007', robotId: 'robot-1', calledAt: reply.calledAt };
    expect(outbox.pending()).toEqual([expected]);
    expect(seen).toEqual([expected]);
    expect(heard).toEqual([expected]);
    // what reaches the center is what the contract says a call is
    expect(commands['staff.call'].response.parse(reply)).toEqual(reply);
  });

  it('takes a second tap within a minute as the same call, and a later one as a new call', async () => {
    const outbox = new StaffCallOutbox();
    const { call, advance } = rig(outbox);
    const first = await call({ reason: 'help', language: 'vi' });
    advance(REPEAT_WINDOW_MS - 1);
    await expect(call({ reason: 'help', language: 'vi' })).resolves.toEqual({ ...first, repeated: true });
    // another reason is another call
    await expect(call({ reason: 'printer-failed', language: 'vi', ticketId: TICKET })).resolves.toMatchObject({ repeated: false });
    advance(1);
    await expect(call({ reason: 'help', language: 'vi' })).resolves.toMatchObject({ repeated: false });
    expect(outbox.pending().map((c) => c.reason)).toEqual(['help', 'printer-failed', 'help']);
  });

  it('refuses with STAFF_CALL_FAILED when the notifier cannot take the call, and does not count it as made', async () => {
    let fail = true;
    const outbox = new StaffCallOutbox();
    const flaky: StaffNotifier = { notify: (c) => (fail ? Promise.reject(new Error('center down')) : outbox.notify(c)) };
    const { call } = rig(flaky);
    const error = await call({ reason: 'help', language: 'en' }).catch((e: unknown) => e);
    expect(isCodedError(error) && error.code).toBe('STAFF_CALL_FAILED');
    fail = false;
    await expect(call({ reason: 'help', language: 'en' })).resolves.toMatchObject({ repeated: false });
    expect(outbox.pending()).toHaveLength(1);
  });

  it('keeps calls until acknowledged, and at most MAX_PENDING_CALLS of them', async () => {
    const outbox = new StaffCallOutbox();
    const call = (i: number): StaffCall => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, reason: 'help', language: 'vi', robotId: 'r', calledAt: new Date(i).toISOString() });
    for (let i = 1; i <= MAX_PENDING_CALLS + 2; i++) await outbox.notify(call(i));
    expect(outbox.dropped).toBe(2);
    expect(outbox.pending(2).map((c) => c.id)).toEqual([call(3).id, call(4).id]);
    outbox.ack([call(3).id, call(3).id, 'unknown']);
    expect(outbox.pending()).toHaveLength(MAX_PENDING_CALLS - 1);
    expect(outbox.pending(1)[0]!.id).toBe(call(4).id);
  });

  it('accepts only the known reasons, a real language and a ticket id, nothing else', () => {
    const request = commands['staff.call'].request;
    expect(request.safeParse({ reason: 'help', language: 'ja' }).success).toBe(true);
    expect(request.safeParse({ reason: 'coffee', language: 'ja' }).success).toBe(false);
    expect(request.safeParse({ reason: 'help', language: 'fr' }).success).toBe(false);
    expect(request.safeParse({ reason: 'help', language: 'vi', ticketId: 'A007' }).success).toBe(false);
    expect(request.safeParse({ reason: 'help', language: 'vi', name: 'Nguyễn Văn A' }).success).toBe(false);
  });
});
