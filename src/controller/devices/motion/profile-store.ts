/**
 * Loads and saves the calibration profile as versioned JSON in the data directory.
 * A missing file means "never calibrated" (defaults, no error). A corrupt or unknown-version file
 * is moved aside for the technician and the robot runs on safe defaults, logging MOTION_PROFILE_CORRUPT:
 * a bad profile must never stop the robot from serving, nor drive a servo past a default limit.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError } from '../../../contract/error-codes';
import { DEFAULT_PROFILE, MotionProfile } from './calibration';
import type { MotionLog } from './port';

export const PROFILE_FILE = 'motion-profile.json';
const MAX_PROFILE_BYTES = 64 * 1024;

export interface LoadedProfile {
  profile: MotionProfile;
  /** Where it came from: 'file', 'defaults' (no file) or 'defaults-after-corrupt'. */
  source: 'file' | 'defaults' | 'defaults-after-corrupt';
}

export function profilePath(dataDir: string): string {
  return join(dataDir, PROFILE_FILE);
}

export function loadProfile(dataDir: string, log: MotionLog, now: () => number = Date.now): LoadedProfile {
  const path = profilePath(dataDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { profile: structuredClone(DEFAULT_PROFILE), source: 'defaults' };
    return corrupt(path, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, log, now);
  }
  if (text.length > MAX_PROFILE_BYTES) return corrupt(path, 'larger than 64 KB', log, now);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return corrupt(path, `not JSON: ${(e as Error).message}`, log, now);
  }
  const parsed = MotionProfile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`);
    return corrupt(path, problems.join('; '), log, now);
  }
  return { profile: parsed.data, source: 'file' };
}

function corrupt(path: string, detail: string, log: MotionLog, now: () => number): LoadedProfile {
  let keptAs: string | undefined;
  try {
    keptAs = `${path}.corrupt-${now()}`;
    renameSync(path, keptAs);
  } catch {
    keptAs = undefined;
  }
  log.error({ code: 'MOTION_PROFILE_CORRUPT', path, keptAs, detail }, 'motion profile unusable; running on safe defaults');
  return { profile: structuredClone(DEFAULT_PROFILE), source: 'defaults-after-corrupt' };
}

/** Validates, then writes atomically (temp file, fsync, rename) so a power cut never leaves half a profile. */
export function saveProfile(dataDir: string, profile: MotionProfile): void {
  const valid = MotionProfile.parse(profile);
  const path = profilePath(dataDir);
  const tmp = `${path}.tmp`;
  try {
    mkdirSync(dataDir, { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${JSON.stringify(valid, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    throw new CodedError('MOTION_PROFILE_WRITE_FAILED', `${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
