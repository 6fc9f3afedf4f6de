import { z } from 'zod';
import { readProjectJson } from '../../project-files';

export const PrinterProfile = z
  .object({
    name: z.string().min(1).max(80),
    widthDots: z.union([z.literal(576), z.literal(384)]),
    maxBandBytes: z.number().int().min(256).max(65535),
    epsonQr: z.boolean(),
    density: z.boolean(),
    realTimeStatus: z.boolean(),
  })
  .strict();
export type PrinterProfile = z.infer<typeof PrinterProfile>;

/** Model ids of hardware/printer/profiles.json; the config schema accepts exactly these. */
export const PROFILE_IDS = ['epson-tm-t20', 'epson-tm-t88', 'xprinter-80', 'xprinter-58', 'generic-80', 'generic-58'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

let profiles: Record<ProfileId, PrinterProfile> | undefined;

/** Reads and checks hardware/printer/profiles.json once, so a bad edit fails loudly at start-up. */
export function printerProfile(id: ProfileId): PrinterProfile {
  profiles ??= z.object(Object.fromEntries(PROFILE_IDS.map((p) => [p, PrinterProfile])) as Record<ProfileId, typeof PrinterProfile>).strict().parse(readProjectJson('hardware', 'printer', 'profiles.json'));
  return profiles[id];
}
