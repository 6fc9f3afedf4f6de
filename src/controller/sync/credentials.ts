/**
 * The robot's enrolment with the center (robot slot and device token), kept in one small JSON
 * file next to the store: written to a temporary file, synced and renamed, so a crash leaves
 * either the old or the new token, never half of one. Readable by the robot's user only.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';

export const Credentials = z.object({
  centerUrl: z.string().max(300),
  robotId: z.string().max(32),
  robotSlot: z.number().int().min(1).max(64),
  token: z.string().min(32).max(128),
  expiresAt: z.number().int(),
  refreshAfter: z.number().int(),
});
export type Credentials = z.infer<typeof Credentials>;

export interface CredentialStore {
  load(): Credentials | null;
  save(c: Credentials): void;
  clear(): void;
}

export function fileCredentialStore(file: string): CredentialStore {
  return {
    load() {
      if (!existsSync(file)) return null;
      try {
        const r = Credentials.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        return r.success ? r.data : null;
      } catch {
        return null; // unreadable: the robot shows "not enrolled" and a technician enrols it again
      }
    },
    save(c) {
      const tmp = `${file}.tmp`;
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, JSON.stringify(c));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, file);
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}

export function memoryCredentialStore(initial: Credentials | null = null): CredentialStore {
  let current = initial;
  return { load: () => current, save: (c) => void (current = c), clear: () => void (current = null) };
}
