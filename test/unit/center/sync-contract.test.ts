import { randomUUID } from 'node:crypto';
import { ERROR_CODES } from '../../../src/contract/error-codes';
import { EnrolmentCode, IngestResponse, LeaseResponse, TicketChange } from '../../../src/contract/sync';

describe('sync protocol schemas', () => {
  const change = {
    ticket: { id: randomUUID(), serviceId: 'birth-registration', day: '2026-11-30', number: 7, display: 'A007', language: 'vi', state: 'printed', issuedAt: '2026-11-30T02:00:00.000Z' },
    version: 3, prefix: 'A', changedAt: '2026-11-30T02:00:01.000Z',
  };

  it('accepts an outbox change, fills defaults and drops unknown fields (no personal data rides along)', () => {
    const parsed = TicketChange.parse({ ...change, ticket: { ...change.ticket, citizenName: 'Nguyễn Văn A' }, extra: 1 });
    expect(parsed).toMatchObject({ kind: 'normal', printAttempts: 0, attention: null });
    expect('citizenName' in parsed.ticket).toBe(false);
    expect('extra' in parsed).toBe(false);
  });

  it('refuses wrong types and out-of-bound values', () => {
    for (const bad of [
      { ...change, version: 0 },
      { ...change, prefix: 'a' },
      { ...change, ticket: { ...change.ticket, number: 0 } },
      { ...change, ticket: { ...change.ticket, id: 'x' } },
      { ...change, ticket: { ...change.ticket, state: 'lost' } },
      { ...change, ticket: { ...change.ticket, issuedAt: 'yesterday' } },
    ]) expect(TicketChange.safeParse(bad).success).toBe(false);
  });

  it('enrolment codes avoid look-alike characters', () => {
    expect(EnrolmentCode.safeParse('ABCD2345').success).toBe(true);
    for (const c of ['ABCD0345', 'ABCDI345', 'ABCDO345', 'abcd2345', 'ABC2345']) expect(EnrolmentCode.safeParse(c).success).toBe(false);
  });

  it('lets a robot validate what the center answers: only known error codes, bounded arrays', () => {
    expect(LeaseResponse.safeParse({ results: [{ requestId: 'r', ok: false, code: 'NOT_A_CODE' }], robotSlot: 1, serverTime: 1 }).success).toBe(false);
    expect(IngestResponse.safeParse({ results: Array(201).fill({ index: 0, ticketId: null, status: 'stored' }), serverTime: 1 }).success).toBe(false);
    expect(ERROR_CODES.filter((c) => c.startsWith('CENTER_') || c.startsWith('SYNC_')).length).toBeGreaterThanOrEqual(20);
  });
});
