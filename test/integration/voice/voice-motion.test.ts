/**
 * @jest-environment ./test/support/onnx-environment.js
 */
/**
 * The listening cue on the robot itself: the wake word heard from a WAV file turns the head and
 * the status light to "listening" on the real StandardFirmata firmware in avr8js (measured on the
 * simulated chip's pins), and a touch puts them back to "idle".
 */
import { join } from 'node:path';
import { startSimulatedBoard, type SimulatedBoard } from '../../../hardware/sim/board';
import type { BehaviourName } from '../../../src/contract/motion';
import { MotionConfig } from '../../../src/controller/config/motion-schema';
import { VoiceConfig } from '../../../src/controller/config/voice-schema';
import { DEFAULT_PROFILE, pulseForAngle } from '../../../src/controller/devices/motion/calibration';
import { createMotion } from '../../../src/controller/devices/motion/create-motion';
import { REFERENCE_PIN_MAP as PINS } from '../../../src/controller/devices/motion/pinmap';
import type { MotionPort } from '../../../src/controller/devices/motion/port';
import type { AudioSink } from '../../../src/controller/devices/voice/speech-port';
import { createLogger } from '../../../src/controller/log';
import { startVoice, type VoiceWiring } from '../../../src/controller/voice';
import { eventually, recordingLog, tempDir, waitFor } from '../motion/helpers';
import { cachedAudio, samplesOf, speak } from '../../support/voice-audio';

/** A loudspeaker that plays until stopped: the robot is still greeting when the test looks at it. */
const endless: AudioSink = { name: 'endless', play: (_wav, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve())) };

let board: SimulatedBoard;
let motion: MotionPort;
let voice: VoiceWiring;
const started: BehaviourName[] = [];

beforeAll(async () => {
  const dir = tempDir('voice-motion');
  const [clip, b] = await Promise.all([
    cachedAudio({ text: 'hey jarvis', voice: 'en-gb', wpm: 160, pad: 1 }, (out) => speak(out, 'hey jarvis', 'en-gb', 160, 1)),
    startSimulatedBoard({ linkPath: join(dir, 'lobby-board'), speed: 1 }),
  ]);
  board = b;
  motion = createMotion(
    MotionConfig.parse({ adapter: 'johnny-five', path: board.path, readyTimeoutMs: 15_000, heartbeatMs: 500, heartbeatTimeoutMs: 3000 }),
    { dataDir: dir, log: recordingLog(), defaultBehaviour: 'idle' },
  );
  motion.on('behaviour', (e) => e.phase === 'start' && started.push(e.name));
  await waitFor('motion ready', () => motion.status === 'ready', 25_000);
  // the board accepts commands once it has reported the e-stop released
  await waitFor('the idle behaviour', () => started.includes('idle'), 10_000);
  voice = await startVoice(
    { defaultLanguage: 'vi', voice: VoiceConfig.parse({ enabled: true, audioIn: { adapter: 'none' } }) },
    { log: createLogger('silent'), motion, onState: () => undefined, onWake: () => undefined, overrides: { sink: endless, tickIntervalMs: 0 }, env: {} },
  );
  voice.voice.runtime.audio(samplesOf(clip));
  await voice.voice.runtime.audioDrained();
}, 60_000);

afterAll(async () => {
  await voice?.close();
  await motion?.close();
  await board?.close();
});

test('a wake word turns the head up and the light to the listening blue; a touch brings back idle', async () => {
  expect(started).toEqual(['idle', 'listening']);
  // listening: head tilted up 8°, light rgb(0,150..200,200..255) through the calibration (b × 0.8 × 0.9 ≥ 0.57)
  await eventually(() => {
    expect(Math.abs(board.pulseWidthUs(PINS.servos.headTilt) - pulseForAngle(DEFAULT_PROFILE.servos.headTilt, 8))).toBeLessThanOrEqual(20);
    expect(board.pwmDuty(PINS.light.r)).toBe(0);
    expect(board.pwmDuty(PINS.light.b)).toBeGreaterThan(0.55);
  }, 8000);

  await voice.handlers['voice.stop']({});
  // idle: head back at rest, light a dim blue-green (b at most 160 × 0.72 ≈ 0.45)
  await eventually(() => {
    expect(Math.abs(board.pulseWidthUs(PINS.servos.headTilt) - pulseForAngle(DEFAULT_PROFILE.servos.headTilt, 0))).toBeLessThanOrEqual(20);
    expect(board.pwmDuty(PINS.light.b)).toBeLessThan(0.47);
  }, 8000);
  expect(started).toEqual(['idle', 'listening', 'idle']);
}, 30_000);
