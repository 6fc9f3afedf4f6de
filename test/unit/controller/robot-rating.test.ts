/** Rating at the robot (issue 18): which ticket a QR names, and what the robot says without its center. */
import { CodedError } from '../../../src/contract';
import type { TicketStatus } from '../../../src/contract/sync';
import { openRating, sendRating, ticketBaseOf, type RatingCenter, type RatingDeps } from '../../../src/controller/ratings/robot-rating';

const ID = '0b6c1f2e-3d4a-4b5c-8d6e-7f8091a2b3c4';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as RatingDeps['log'];

function deps(center: RatingCenter | null, added: unknown[] = []): RatingDeps {
  return { center, ticketBaseUrl: 'http://center.lan:8720', outbox: { add: (item) => void added.push(item) }, displayOf: (id) => (id === ID ? 'A007' : undefined), nowMs: () => 0, log: silent };
}
const status = (s: Partial<TicketStatus>): TicketStatus => ({ ticketId: ID, display: 'A007', status: 'served', peopleAhead: 0, waitMinutes: null, counterLabel: null, serverTime: 0, ...s });
const center = (s: TicketStatus | Error, send: Error | null = null): RatingCenter => ({
  ticketStatus: async () => { if (s instanceof Error) throw s; return s; },
  rateTicket: async () => { if (send) throw send; },
});

describe('rating at the robot', () => {
  it('finds the base of the printed QR in the status URL template', () => {
    expect(ticketBaseOf('http://center.lan:8720/t/{id}?lang={lang}')).toBe('http://center.lan:8720');
    expect(ticketBaseOf('https://ward.example/queue/t/{id}')).toBe('https://ward.example/queue');
    expect(ticketBaseOf('http://center.test/t/{display}/{id}')).toBe('http://center.test');
  });

  it('reads only this center\'s ticket links, and asks the center about them', async () => {
    const d = deps(center(status({ language: 'ko' })));
    await expect(openRating(d, `http://center.lan:8720/t/${ID}?lang=ko`)).resolves.toEqual({ ticketId: ID, display: 'A007', language: 'ko' });
    await expect(openRating(d, `http://other.lan/t/${ID}`)).rejects.toMatchObject({ code: 'TICKET_QR_INVALID' });
    await expect(openRating(d, 'http://center.lan:8720/t/not-a-ticket')).rejects.toMatchObject({ code: 'TICKET_QR_INVALID' });
    await expect(openRating(deps(center(status({ status: 'called' }))), `http://center.lan:8720/t/${ID}`)).rejects.toMatchObject({ code: 'RATING_TICKET_NOT_COMPLETED' });
    await expect(openRating(deps(center(status({ rated: true }))), `http://center.lan:8720/t/${ID}`)).rejects.toMatchObject({ code: 'RATING_ALREADY_GIVEN' });
    await expect(openRating(deps(center(new CodedError('CENTER_NOT_FOUND', 'x'))), `http://center.lan:8720/t/${ID}`)).rejects.toMatchObject({ code: 'TICKET_QR_INVALID' });
  });

  it('a robot with no center says the rating needs one; a center out of reach gets the rating later, through the outbox', async () => {
    await expect(openRating(deps(null), `http://center.lan:8720/t/${ID}`)).rejects.toMatchObject({ code: 'RATING_NEEDS_CENTER' });
    await expect(sendRating(deps(null), ID, { score: 'satisfied', reasons: [] })).rejects.toMatchObject({ code: 'RATING_NEEDS_CENTER' });
    const added: unknown[] = [];
    const away = deps(center(new CodedError('SYNC_CENTER_UNREACHABLE', 'x'), new CodedError('SYNC_CENTER_UNREACHABLE', 'x')), added);
    await expect(openRating(away, `http://center.lan:8720/t/${ID}`)).resolves.toEqual({ ticketId: ID, display: 'A007' });
    await expect(sendRating(away, ID, { score: 'satisfied', reasons: ['fast-service'] })).resolves.toEqual({ rated: true });
    expect(added).toEqual([{ ticketId: ID, rating: { score: 'satisfied', reasons: ['fast-service'] } }]);
    // a refusal is the visitor's answer, never queued
    const refused = deps(center(status({}), new CodedError('RATING_ALREADY_GIVEN', 'x')));
    await expect(sendRating(refused, ID, { score: 'satisfied', reasons: [] })).rejects.toMatchObject({ code: 'RATING_ALREADY_GIVEN' });
  });
});
