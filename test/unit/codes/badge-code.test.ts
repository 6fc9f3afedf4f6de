import { BADGE_CLOCK_SKEW_MS, encodeAppointmentCode, encodeBadgeCode, parseBadgeCode } from '../../../src/core/codes';
import { END_OF_DAY, makeCenterKeys, SLOT_0930 } from './center-keys';

const issued = Date.UTC(2026, 0, 1) / 1000;
const expires = Date.UTC(2026, 6, 1) / 1000;
const badge = { b: 'TECH-0007', r: 'technician' as const, i: issued, x: expires, n: 'Tr*** B' };

describe('technician badge', () => {
  const center = makeCenterKeys();
  const code = encodeBadgeCode(badge, center.sign);
  const mid = Date.UTC(2026, 2, 1);

  it('parses a valid badge', () => {
    expect(parseBadgeCode(code, { now: mid, verify: center.verify })).toEqual({
      ok: true,
      value: {
        format: 'badge',
        badgeId: 'TECH-0007',
        role: 'technician',
        validFrom: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-07-01T00:00:00.000Z',
        maskedName: 'Tr*** B',
      },
    });
  });

  it('is refused once expired', () => {
    expect(parseBadgeCode(code, { now: expires * 1000, verify: center.verify })).toMatchObject({ code: 'BADGE_EXPIRED' });
    expect(parseBadgeCode(code, { now: expires * 1000 - 1, verify: center.verify }).ok).toBe(true);
  });

  it('is refused before it starts, beyond the allowed clock skew', () => {
    expect(parseBadgeCode(code, { now: issued * 1000 - BADGE_CLOCK_SKEW_MS + 1, verify: center.verify }).ok).toBe(true);
    expect(parseBadgeCode(code, { now: issued * 1000 - BADGE_CLOCK_SKEW_MS - 1, verify: center.verify })).toMatchObject({
      code: 'BADGE_NOT_YET_VALID',
    });
  });

  it('is refused when signed by another key', () => {
    const forged = encodeBadgeCode({ ...badge, r: 'supervisor' }, makeCenterKeys().sign);
    expect(parseBadgeCode(forged, { now: mid, verify: center.verify })).toMatchObject({ code: 'BADGE_SIGNATURE_INVALID' });
  });

  it('an appointment signature cannot be turned into a badge (the prefix is signed)', () => {
    const appt = encodeAppointmentCode({ a: 'X1', s: 'ho-tich', t: SLOT_0930, x: END_OF_DAY }, center.sign);
    const relabelled = appt.replace(/^LR1A\./, 'LR1B.');
    expect(parseBadgeCode(relabelled, { now: mid, verify: center.verify })).toMatchObject({ code: 'BADGE_SIGNATURE_INVALID' });
  });

  it('refuses an unknown role even when signed', () => {
    expect(() => encodeBadgeCode({ ...badge, r: 'admin' as never }, center.sign)).toThrow();
  });
});
