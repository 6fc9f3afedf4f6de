import { toQueued, type WaitingAtCenter } from '../../../src/center/domain/calling';
import { callOrder, peopleAhead } from '../../../src/core/queue';

const W = { weights: { elderly: 3, 'child-under-6': 2 }, maxOvertakes: 5 };
const t = (ticketId: string, categoryId: string | null, issuedAtMs: number, receivedSeq: number): WaitingAtCenter => ({ ticketId, categoryId, issuedAtMs, receivedSeq, overtakenBy: 0 });

describe('center calling order', () => {
  it('calls the heaviest category first, then the earliest issued, then the first received', () => {
    const waiting = [t('n1', null, 100, 1), t('c1', 'child-under-6', 300, 2), t('e2', 'elderly', 500, 3), t('e1', 'elderly', 400, 5), t('e0', 'elderly', 400, 4)];
    const queued = waiting.map(toQueued);
    expect(callOrder(queued, W).map((q) => q.ticket.ticketId)).toEqual(['e0', 'e1', 'e2', 'c1', 'n1']);
    expect(peopleAhead(queued, W, 'n1')).toBe(4);
    expect(peopleAhead(queued, W, 'e0')).toBe(0);
  });
});
