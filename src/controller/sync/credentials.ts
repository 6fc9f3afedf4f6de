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

/** Where a damaged file is reported (the controller's logger). */
export interface FileProblemLog {
  warn(obj: object, msg?: string): void;
}

export function fileCredentialStore(file: string, log: FileProblemLog): CredentialStore {
  // unreadable: the robot shows "not enrolled" and a technician enrols it again; the log says why
  const damaged = (reason: string) => {
    log.warn({ code: 'SYNC_CREDENTIALS_UNREADABLE', file, reason }, 'enrolment file is damaged; the robot is not enrolled until enrolled again');
    return null;
  };
  return {
    load() {
      if (!existsSync(file)) return null;
      try {
        const r = Credentials.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        return r.success ? r.data : damaged(`invalid: ${r.error.issues.map((i) => i.path.join('.')).join(', ')}`);
      } catch (e) {
        return damaged(e instanceof Error ? e.name : 'unreadable');
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
