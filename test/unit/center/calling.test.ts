import { peopleAhead, pickNext, waitRange, weightOf, type WaitingTicket } from '../../../src/center/domain/calling';

const W = { elderly: 3, 'child-under-6': 2 };
const t = (ticketId: string, categoryId: string | null, issuedAtMs: number, receivedSeq: number): WaitingTicket => ({ ticketId, categoryId, issuedAtMs, receivedSeq });

describe('center calling order', () => {
  it('calls the heaviest category first, then the earliest issued, then the first received', () => {
    const waiting = [t('n1', null, 100, 1), t('c1', 'child-under-6', 300, 2), t('e2', 'elderly', 500, 3), t('e1', 'elderly', 400, 5), t('e0', 'elderly', 400, 4)];
    const order: string[] = [];
    const left = [...waiting];
    while (left.length) {
      const next = pickNext(W, left)!;
      order.push(next.ticketId);
      left.splice(left.indexOf(next), 1);
    }
    expect(order).toEqual(['e0', 'e1', 'e2', 'c1', 'n1']);
    expect(peopleAhead(W, waiting, waiting[0]!)).toBe(4);
    expect(peopleAhead(W, waiting, waiting[4]!)).toBe(0);
  });

  it('treats unknown or broken categories as normal tickets', () => {
    expect(weightOf(W, 'no-such')).toBe(1);
    expect(weightOf({ bad: Number.NaN, low: 0 }, 'bad')).toBe(1);
    expect(weightOf({ low: 0 }, 'low')).toBe(1);
    expect(pickNext(W, [])).toBeNull();
  });

  it('estimates the wait as a range that is never negative and shrinks with more counters', () => {
    expect(waitRange(0, 15, 1)).toEqual({ min: 0, max: 1 });
    expect(waitRange(-3, 15, 1)).toEqual({ min: 0, max: 1 });
    expect(waitRange(4, 15, 1)).toEqual({ min: 42, max: 78 });
    expect(waitRange(4, 15, 2)).toEqual({ min: 21, max: 39 });
    expect(waitRange(4, 15, 0)).toEqual(waitRange(4, 15, 1));
  });
});
