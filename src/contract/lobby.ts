import { z } from 'zod';

/**
 * What the touchscreen shows of the lobby before anyone taps (issue 17): the robot's clock (the
 * center's time; a simulator may run its own), who is being served at each counter and how many
 * wait per counter group. Counts are absent while the center cannot be reached: the screen then
 * shows the opening hours only, never stale numbers.
 */
export const LobbyStatus = z.object({
  now: z.iso.datetime({ offset: true }),
  online: z.boolean(),
  /** counter id -> the number being served there (null: nobody yet). */
  nowServing: z.record(z.string().max(48), z.string().max(12).nullable()),
  /** counter group -> tickets waiting. */
  waiting: z.record(z.string().max(40), z.number().int().min(0).max(100_000)),
});
export type LobbyStatus = z.infer<typeof LobbyStatus>;
