/**
 * The center's own pages (counter, lobby display, fleet, the phone page behind a ticket's QR):
 * staff sign-in, and the labels that turn ids into words in the reader's language.
 */
import { z } from 'zod';
import { LocalizedText } from '../catalog';
import { LANGUAGES } from '../version';
import { ServerTime } from './primitives';

/** POST /v1/staff/session: the staff key travels once, in a body, never in a URL. */
export const StaffSignInRequest = z.object({ key: z.string().min(1).max(200) }).strict();
export const StaffSessionResponse = z.object({ signedIn: z.literal(true), expiresAt: ServerTime, serverTime: ServerTime });
export type StaffSessionResponse = z.infer<typeof StaffSessionResponse>;
/** POST /v1/staff/sessions/revoke: every open sign-in ends (a lost tablet, a key changed). */
export const RevokeSessionsResponse = z.object({ revoked: z.number().int().min(0), serverTime: ServerTime });
export type RevokeSessionsResponse = z.infer<typeof RevokeSessionsResponse>;

/** GET /v1/labels: every id a page may show, with its words in the five languages. */
export const PageLabels = z.object({
  centerName: LocalizedText,
  /** The center's clock: pages show times in it whatever zone the reader's device is in. */
  timeZone: z.string().max(64),
  counters: z.array(z.object({ id: z.string(), label: LocalizedText, counterGroup: z.string() })).max(200),
  /** A counter group's name: its field's name, else the signs of its counters. */
  groups: z.record(z.string(), LocalizedText),
  services: z.record(z.string(), LocalizedText),
  /** Catalog fields and priority categories by id (the statistics page names them). */
  fields: z.record(z.string(), LocalizedText).optional(),
  categories: z.record(z.string(), LocalizedText).optional(),
  serverTime: ServerTime,
});
export type PageLabels = z.infer<typeof PageLabels>;

export const PageLanguage = z.enum(LANGUAGES);
