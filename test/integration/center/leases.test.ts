import { randomUUID } from 'node:crypto';
import { fallbackRange, leasableRange } from '../../../src/center/domain/number-space';
import { bearer, startTestCenter, type TestCenter } from './harness';


interface LeaseBody {
  leaseId: string;
  prefix: string;
  day: string;
  first: number;
  last: number;
}

describe('center: number blocks', () => {
  let c: TestCenter;
  afterEach(() => c?.close());

  it('20 robots leasing concurrently get disjoint blocks, none in a fallback series: 0 duplicate numbers', async () => {
    c = await startTestCenter({ numbering: { fallbackSlots: 20, fallbackSize: 9, dailyCap: 999, blockSize: 20 } });
    const robots = await Promise.all(Array.from({ length: 20 }, (_, i) => c.enrol(`robot-${i + 1}`)));
    expect(new Set(robots.map((r) => r.robotSlot)).size).toBe(20);
    const leases: LeaseBody[] = [];
    await Promise.all(
      robots.map(async (r) => {
        for (let round = 0; round < 2; round++) {
          const res = await c.call('POST', '/v1/leases', {
            requests: ['A', 'B'].map((prefix) => ({ requestId: randomUUID(), prefix, day: '2026-11-30' })),
          }, bearer(r.token));
          expect(res.status).toBe(200);
          expect(res.body.robotSlot).toBe(r.robotSlot);
          for (const x of res.body.results) {
            expect(x.ok).toBe(true);
            leases.push(x.lease);
          }
        }
      }),
    );
    expect(leases).toHaveLength(80);
    const rule = c.center.ctx.numbering.default;
    const fallbackNumbers = new Set<number>();
    for (let s = 1; s <= 20; s++) for (let n = fallbackRange(rule, s).first; n <= fallbackRange(rule, s).last; n++) fallbackNumbers.add(n);
    for (const prefix of ['A', 'B']) {
      const numbers = leases.filter((l) => l.prefix === prefix).flatMap((l) => Array.from({ length: l.last - l.first + 1 }, (_, i) => l.first + i));
      expect(numbers).toHaveLength(40 * 20);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers.filter((n) => fallbackNumbers.has(n))).toEqual([]);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(leasableRange(rule).last);
    }
  });

  it('answers a repeated request id with the same block, so a lost answer wastes no numbers', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const req = { requests: [{ requestId: randomUUID(), prefix: 'C', day: '2026-11-30' }] };
    const first = await c.call('POST', '/v1/leases', req, bearer(token));
    const again = await c.call('POST', '/v1/leases', req, bearer(token));
    expect(again.body.results[0].lease).toEqual(first.body.results[0].lease);
    expect(first.body.results[0].lease).toMatchObject({ first: 1, last: 20 });
    const next = await c.call('POST', '/v1/leases', { requests: [{ requestId: randomUUID(), prefix: 'C', day: '2026-11-30' }] }, bearer(token));
    expect(next.body.results[0].lease).toMatchObject({ first: 21, last: 40 });
  });

  it('refuses unknown prefixes, days other than today and tomorrow, and says when the leasable range is used up', async () => {
    c = await startTestCenter({ numbering: { dailyCap: 99, fallbackSlots: 2, fallbackSize: 30, blockSize: 20 } });
    const { token } = await c.enrol('robot-a');
    const ask = (prefix: string, day: string) => c.call('POST', '/v1/leases', { requests: [{ requestId: randomUUID(), prefix, day }] }, bearer(token)).then((r) => r.body.results[0]);
    expect(await ask('Z', '2026-11-30')).toMatchObject({ ok: false, code: 'CENTER_PREFIX_UNKNOWN' });
    expect(await ask('A', '2026-11-29')).toMatchObject({ ok: false, code: 'SYNC_DAY_NOT_LEASABLE' });
    expect(await ask('A', '2026-12-02')).toMatchObject({ ok: false, code: 'SYNC_DAY_NOT_LEASABLE' });
    expect(await ask('A', '2026-12-01')).toMatchObject({ ok: true, lease: { first: 1, last: 20 } });
    // leasable 1..39: blocks 1-20, 21-39, then nothing (40..99 are the two robots' fallback series)
    expect(await ask('A', '2026-11-30')).toMatchObject({ ok: true, lease: { first: 1, last: 20 } });
    expect(await ask('A', '2026-11-30')).toMatchObject({ ok: true, lease: { first: 21, last: 39 } });
    expect(await ask('A', '2026-11-30')).toMatchObject({ ok: false, code: 'CENTER_NUMBERS_EXHAUSTED' });
  });

  it('publishes the split of the number space in the catalog so robots compute the same fallback series', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const cat = await c.call('GET', '/v1/catalog', undefined, bearer(token));
    expect(cat.body.numbering.default).toEqual({ start: 1, dailyCap: 999, fallbackSlots: 4, fallbackSize: 50, blockSize: 20 });
    expect(fallbackRange(cat.body.numbering.default, 1)).toEqual({ first: 800, last: 849 });
  });
});
