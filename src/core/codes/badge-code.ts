/**
 * A technician badge: "LR1B.<payload>.<signature>", payload { b: badge id, r: role,
 * i: valid from, x: expiry, n?: masked name }. It opens service mode, so it is refused when
 * forged, expired or not yet valid.
 */
import { BADGE_CODE_PREFIX, BadgePayload, type ParsedCodeOf } from '../../contract';
import type { SignedCodeContext } from './appointment-code';
import { failure, success, toEpochMs, type CodeResult } from './result';
import { cleanScanText } from './scan-text';
import { openSignedCode, sealSignedCode, type SignMessage } from './signed-code';

/** Clocks of robot and center differ a little; a badge issued a minute "in the future" still works. */
export const BADGE_CLOCK_SKEW_MS = 5 * 60 * 1000;

export function isBadgeCandidate(text: string): boolean {
  return text.startsWith(`${BADGE_CODE_PREFIX}.`);
}

export function parseBadgeCode(raw: string, ctx: SignedCodeContext): CodeResult<ParsedCodeOf<'badge'>> {
  const clean = cleanScanText(raw);
  if (!clean.ok) return clean;
  const opened = openSignedCode(clean.value, BADGE_CODE_PREFIX, BadgePayload, ctx.verify, {
    malformed: 'BADGE_MALFORMED',
    signature: 'BADGE_SIGNATURE_INVALID',
  });
  if (!opened.ok) return opened;
  const p = opened.value;
  const now = toEpochMs(ctx.now);
  if (now >= p.x * 1000) return failure('BADGE_EXPIRED', 'past the badge expiry');
  if (now + BADGE_CLOCK_SKEW_MS < p.i * 1000) return failure('BADGE_NOT_YET_VALID', 'badge starts later');
  return success({
    format: 'badge',
    badgeId: p.b,
    role: p.r,
    validFrom: new Date(p.i * 1000).toISOString(),
    expiresAt: new Date(p.x * 1000).toISOString(),
    ...(p.n !== undefined ? { maskedName: p.n } : {}),
  });
}

export function encodeBadgeCode(payload: BadgePayload, sign: SignMessage): string {
  return sealSignedCode(BADGE_CODE_PREFIX, BadgePayload.parse(payload), sign);
}
