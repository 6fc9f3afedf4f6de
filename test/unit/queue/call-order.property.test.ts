/**
 * The one calling rule (src/core/queue/call-order.ts), as the center uses it: priority first,
 * but no ticket is passed by more than `maxOvertakes` tickets issued after it. A day is simulated
 * from random arrivals and calls; `overtakenBy` is worked out from the calls so far, the way the
 * center's storage counts it (tickets of the group already called that were issued later).
 */
import fc from 'fast-check';
import { callOrder, nextToCall, type CallRule, type QueuedTicket } from '../../../src/core/queue';

const WEIGHTS = { elderly: 3, 'child-under-6': 2 };
const CATEGORIES = [null, null, 'elderly', 'child-under-6'] as const;

type Step = { kind: 'arrive'; categoryId: string | null } | { kind: 'call' };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom(...CATEGORIES).map((categoryId) => ({ kind: 'arrive' as const, categoryId })),
  fc.constant({ kind: 'call' as const }),
);
const day = fc.array(step, { minLength: 1, maxLength: 120 });

interface Sim {
  waiting: Omit<QueuedTicket, 'overtakenBy'>[];
  called: Omit<QueuedTicket, 'overtakenBy'>[];
}

const later = (a: { issuedAtMs: number; seq: number }, b: { issuedAtMs: number; seq: number }) => a.issuedAtMs > b.issuedAtMs || (a.issuedAtMs === b.issuedAtMs && a.seq > b.seq);

function withOvertakes(sim: Sim): QueuedTicket[] {
  return sim.waiting.map((t) => ({ ...t, overtakenBy: sim.called.filter((c) => later(c, t)).length }));
}

/** One press of "call next": the rule picks from the waiting tickets; the pick leaves the queue. */
function callOnce(sim: Sim, rule: CallRule, passedBy: Map<string, number>, onCall?: (waiting: QueuedTicket[], chosen: QueuedTicket) => void): void {
  const waiting = withOvertakes(sim);
  const chosen = nextToCall(waiting, rule);
  if (!chosen) return;
  onCall?.(waiting, chosen);
  for (const t of sim.waiting) if (later(chosen, t)) passedBy.set(t.id, (passedBy.get(t.id) ?? 0) + 1);
  sim.waiting = sim.waiting.filter((t) => t.id !== chosen.id);
  sim.called.push(chosen);
}

/** Runs a day; returns, per ticket, how many later-issued tickets were called before it, and the queue left. */
function run(steps: Step[], rule: CallRule, onCall?: (waiting: QueuedTicket[], chosen: QueuedTicket) => void): { passedBy: Map<string, number>; sim: Sim } {
  const sim: Sim = { waiting: [], called: [] };
  const passedBy = new Map<string, number>();
  let seq = 0;
  for (const s of steps) {
    if (s.kind === 'call') {
      callOnce(sim, rule, passedBy, onCall);
      continue;
    }
    seq++;
    // a few arrive in the same minute: ties are broken by the order the center received them
    sim.waiting.push({ id: `t${seq}`, categoryId: s.categoryId, issuedAtMs: Math.floor(seq / 3) * 60_000, seq });
  }
  return { passedBy, sim };
}

describe('call order: priority without starvation', () => {
  it('never lets a ticket be passed by more than maxOvertakes later tickets', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 6 }), (steps, maxOvertakes) => {
        const { passedBy } = run(steps, { weights: WEIGHTS, maxOvertakes });
        for (const n of passedBy.values()) expect(n).toBeLessThanOrEqual(maxOvertakes);
      }),
      { numRuns: 300 },
    );
  });

  it('a steady stream of priority tickets does not starve a normal one', () => {
    const steps: Step[] = [{ kind: 'arrive', categoryId: null }];
    for (let i = 0; i < 50; i++) steps.push({ kind: 'arrive', categoryId: 'elderly' }, { kind: 'call' });
    const order: string[] = [];
    run(steps, { weights: WEIGHTS, maxOvertakes: 3 }, (_w, chosen) => order.push(chosen.id));
    expect(order.indexOf('t1')).toBe(3); // three elderly people went first, then the normal ticket
  });

  it('still calls priority first, and keeps the order of issue within a category, while nobody has reached the bound', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 6 }), (steps, maxOvertakes) => {
        run(steps, { weights: WEIGHTS, maxOvertakes }, (waiting, chosen) => {
          const w = (t: QueuedTicket) => (t.categoryId ? (WEIGHTS as Record<string, number>)[t.categoryId]! : 1);
          // nobody of the same weight issued earlier is passed over
          for (const t of waiting) if (w(t) === w(chosen) && t.id !== chosen.id) expect(later(t, chosen)).toBe(true);
          if (waiting.every((t) => t.overtakenBy < maxOvertakes)) {
            expect(w(chosen)).toBe(Math.max(...waiting.map(w)));
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('callOrder is the order of successive calls when nobody else arrives, and starts with nextToCall', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 6 }), (steps, maxOvertakes) => {
        const rule = { weights: WEIGHTS, maxOvertakes };
        const { sim, passedBy } = run(steps, rule);
        const snapshot = withOvertakes(sim);
        const predicted = callOrder(snapshot, rule).map((t) => t.id);
        expect(predicted[0]).toBe(nextToCall(snapshot, rule)?.id);
        const actual: string[] = [];
        while (sim.waiting.length) callOnce(sim, rule, passedBy, (_w, chosen) => actual.push(chosen.id));
        expect(predicted).toEqual(actual);
      }),
      { numRuns: 200 },
    );
  });

  it('calls nobody from an empty queue; treats unknown or broken weights as normal', () => {
    expect(nextToCall([], { weights: WEIGHTS, maxOvertakes: 3 })).toBeUndefined();
    const t = (id: string, categoryId: string | null, seq: number): QueuedTicket => ({ id, categoryId, issuedAtMs: 0, seq, overtakenBy: 0 });
    const rule = { weights: { bad: Number.NaN, low: 0 } as Record<string, number>, maxOvertakes: 3 };
    expect(callOrder([t('b', 'bad', 2), t('n', null, 1), t('l', 'low', 3), t('x', 'no-such', 0)], rule).map((x) => x.id)).toEqual(['x', 'n', 'b', 'l']);
  });
});
