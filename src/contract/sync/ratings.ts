/**
 * Sync protocol v2 — a citizen's rating of a completed ticket (issue 18 point 2). One rating per
 * ticket, from whichever surface comes first: the phone page, the counter's rating tablet
 * (/rate/<counterId>) or the robot (scanning the ticket's QR). A second one answers RATING_ALREADY_GIVEN.
 */
import { z } from 'zod';
import { ServerTime } from './primitives';

export const RatingScore = z.enum(['very-satisfied', 'satisfied', 'not-satisfied']);
export type RatingScore = z.infer<typeof RatingScore>;
/** Reasons a citizen may tick (translated in locales/<lang>/center.json and ui.json). */
export const RATING_REASONS = ['waited-too-long', 'staff-unhelpful', 'unclear-documents', 'had-to-come-back', 'fast-service', 'friendly-staff'] as const;
export const RatingReason = z.enum(RATING_REASONS);
export const RatingSource = z.enum(['phone', 'counter', 'robot']);

export const RatingRequest = z
  .object({
    score: RatingScore,
    reasons: z.array(RatingReason).max(RATING_REASONS.length).default([]),
    comment: z.string().trim().max(500).optional(),
  })
  .strict();
export type RatingRequest = z.infer<typeof RatingRequest>;
export const RatingResponse = z.object({ rated: z.literal(true), serverTime: ServerTime });
export type RatingResponse = z.infer<typeof RatingResponse>;
