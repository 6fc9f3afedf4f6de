/**
 * Storage contract: the rate buckets and the health check (issue 19, several instances). On
 * PostgreSQL the buckets are shared by every instance and spent in one statement; SQLite (one
 * process is the whole center) keeps them in memory with the same arithmetic.
 */
import type { CenterStorage } from '../../../../src/center/storage/port';
import { eachAdapter, NOW } from './adapters';

const take = (s: CenterStorage, key: string, nowMs = NOW, take = true) => s.rateToken({ key, perMinute: 6, burst: 3, nowMs, take });

eachAdapter('storage contract: rate buckets and health', (stores, kind) => {
  it('allows a burst, refills over time, looking uses nothing, and keys stay apart', async () => {
    const { a } = stores();
    const taken: boolean[] = [];
    for (let i = 0; i < 4; i++) taken.push(await take(a, 'enrol:10.0.0.1'));
    expect(taken).toEqual([true, true, true, false]);
    expect(await take(a, 'enrol:10.0.0.2')).toBe(true);
    expect(await take(a, 'enrol:10.0.0.1', NOW + 9_999, false)).toBe(false);
    expect(await take(a, 'enrol:10.0.0.1', NOW + 10_000, false)).toBe(true);
    expect(await take(a, 'enrol:10.0.0.1', NOW + 10_000, false)).toBe(true);
    expect(await take(a, 'enrol:10.0.0.1', NOW + 10_000)).toBe(true);
    expect(await take(a, 'enrol:10.0.0.1', NOW + 10_000)).toBe(false);
  });

  it('spends each token once under concurrent takes (on PostgreSQL: from two instances)', async () => {
    const { a, b } = stores();
    const other = kind === 'postgres' ? b : a;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => take(i % 2 ? a : other, 'sign-in:10.0.0.9')));
    expect(results.filter(Boolean)).toHaveLength(3);
  });

  it('ping answers while the database does, and throws once it is closed', async () => {
    const { a } = stores();
    await expect(a.ping()).resolves.toBeUndefined();
    await a.close();
    await expect(a.ping()).rejects.toThrow();
  });
});
