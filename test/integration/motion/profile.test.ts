/** The calibration profile through createMotion, as the controller uses it: real files, real serialport. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MotionConfig } from '../../../src/controller/config/motion-schema';
import { DEFAULT_PROFILE } from '../../../src/controller/devices/motion/calibration';
import { createMotion } from '../../../src/controller/devices/motion/create-motion';
import { recordingLog, tempDir } from './helpers';

// a board that is not plugged in: the motion port still loads and saves its profile
const config = MotionConfig.parse({ adapter: 'johnny-five', path: '/dev/lobby-board-absent-in-tests', reconnectInitialMs: 1000 });

test('a profile set in service mode survives a restart', async () => {
  const dataDir = tempDir('motion-restart');
  const first = createMotion(config, { dataDir, log: recordingLog() });
  const tuned = structuredClone(DEFAULT_PROFILE);
  tuned.servos.headTilt.trimUs = 55;
  tuned.light.correction.b = 0.7;
  await first.setProfile(tuned);
  await first.close();

  const log = recordingLog();
  const second = createMotion(config, { dataDir, log });
  expect(second.profile).toEqual(tuned);
  expect(log.entries.find((e) => e.msg === 'motion profile loaded')).toMatchObject({ source: 'file' });
  await second.close();
});

test('a corrupt profile falls back to safe defaults with a logged, coded error', async () => {
  const dataDir = tempDir('motion-corrupt');
  writeFileSync(join(dataDir, 'motion-profile.json'), '{"version":1,"servos":{"headPan":{"centreUs":"wide"');
  const log = recordingLog();
  const motion = createMotion(config, { dataDir, log });
  expect(motion.profile).toEqual(DEFAULT_PROFILE);
  expect(log.entries.filter((e) => e.level === 'error')).toEqual([expect.objectContaining({ code: 'MOTION_PROFILE_CORRUPT' })]);
  expect(readdirSync(dataDir).some((f) => f.startsWith('motion-profile.json.corrupt-'))).toBe(true);
  await motion.close();
});

test('an absent board is reported disconnected with a code, and commands are refused', async () => {
  const motion = createMotion(config, { dataDir: tempDir('motion-absent'), log: recordingLog() });
  // the first attempt to open the path is what reports it: wait for that, however busy the machine
  if (motion.status !== 'disconnected') await new Promise((resolve) => motion.on('status', (s: { status: string }) => s.status === 'disconnected' && resolve(undefined)));
  expect(motion.status).toBe('disconnected');
  expect(motion.statusCode).toBe('MOTION_DISCONNECTED');
  await expect(motion.moveServo('headPan', 0)).rejects.toMatchObject({ code: 'MOTION_NOT_READY' });
  await motion.close();
});
