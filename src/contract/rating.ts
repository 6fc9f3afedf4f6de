/**
 * Rating at the robot (issue 18): the touchscreen hands the scanned ticket QR to the controller,
 * which reads it with the robot's own ticket base URL and asks the center whether that ticket was
 * served and not rated yet; the rating itself is the sync protocol's RatingRequest.
 */
import { z } from 'zod';
import { MAX_SCAN_BYTES } from './scan-codes';
import { RatingRequest } from './sync/ratings';
import { LANGUAGES } from './version';

export const RatingOpenRequest = z.object({ text: z.string().min(1).max(MAX_SCAN_BYTES) }).strict();
/** The ticket to rate: its number for the screen, the language it was taken in. */
export const RatingTicket = z.object({ ticketId: z.string().uuid(), display: z.string().max(16), language: z.enum(LANGUAGES).optional() });
export type RatingTicket = z.infer<typeof RatingTicket>;
export const RatingSendRequest = z.object({ ticketId: z.string().uuid(), rating: RatingRequest }).strict();
export const RatingSendResponse = z.object({ rated: z.literal(true) });
