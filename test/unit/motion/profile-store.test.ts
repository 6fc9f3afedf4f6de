import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PROFILE, type MotionProfile } from '../../../src/controller/devices/motion/calibration';
import type { MotionLog } from '../../../src/controller/devices/motion/port';
import { loadProfile, profilePath, saveProfile } from '../../../src/controller/devices/motion/profile-store';

function recordingLog() {
  const errors: Array<Record<string, unknown>> = [];
  const log: MotionLog = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (o) => void errors.push({ ...o }) };
  return { log, errors };
}

const dir = () => mkdtempSync(join(tmpdir(), 'motion-profile-'));

test('no file: safe defaults, nothing logged as an error', () => {
  const { log, errors } = recordingLog();
  expect(loadProfile(dir(), log)).toEqual({ profile: DEFAULT_PROFILE, source: 'defaults' });
  expect(errors).toEqual([]);
});

test('a saved profile survives a restart (a fresh load reads it back)', () => {
  const d = dir();
  const tuned: MotionProfile = structuredClone(DEFAULT_PROFILE);
  tuned.servos.headPan.trimUs = -42;
  tuned.servos.rightArm.maxDeg = 50;
  tuned.light.brightness = 0.4;
  saveProfile(d, tuned);
  const { log } = recordingLog();
  expect(loadProfile(d, log)).toEqual({ profile: tuned, source: 'file' });
  expect(existsSync(`${profilePath(d)}.tmp`)).toBe(false);
});

test.each([
  ['not JSON', '{"version": 1, "servos": '],
  ['an unknown version', JSON.stringify({ ...DEFAULT_PROFILE, version: 2 })],
  ['a limit beyond what the schema allows', JSON.stringify({ ...DEFAULT_PROFILE, servos: { ...DEFAULT_PROFILE.servos, headPan: { ...DEFAULT_PROFILE.servos.headPan, maxDeg: 170 } } })],
])('a corrupt file (%s) falls back to safe defaults, logs MOTION_PROFILE_CORRUPT and is kept aside', (_what, content) => {
  const d = dir();
  writeFileSync(profilePath(d), content);
  const { log, errors } = recordingLog();
  const loaded = loadProfile(d, log, () => 1234);
  expect(loaded).toEqual({ profile: DEFAULT_PROFILE, source: 'defaults-after-corrupt' });
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ code: 'MOTION_PROFILE_CORRUPT' });
  expect(readdirSync(d)).toEqual(['motion-profile.json.corrupt-1234']);
});

test('saving an invalid profile is refused before anything is written', () => {
  const d = dir();
  const bad = structuredClone(DEFAULT_PROFILE);
  bad.servos.headTilt.minDeg = -170;
  expect(() => saveProfile(d, bad)).toThrow();
  expect(readdirSync(d)).toEqual([]);
});

test('a data dir that cannot be written gives MOTION_PROFILE_WRITE_FAILED', () => {
  const d = dir();
  writeFileSync(join(d, 'file'), 'x');
  expect(() => saveProfile(join(d, 'file', 'sub'), DEFAULT_PROFILE)).toThrow(expect.objectContaining({ code: 'MOTION_PROFILE_WRITE_FAILED' }));
});
