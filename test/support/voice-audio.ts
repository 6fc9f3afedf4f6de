/**
 * Audio for the voice tests, made at test time: espeak-ng speaks, sox resamples, makes noise and
 * mixes it in at a chosen signal-to-noise ratio. Nothing is downloaded or checked in. Processes are
 * few and long (one espeak-ng call per voice, one sox call per mix): starting them is what costs.
 *
 * `cachedAudio` keeps what was made under the OS temp dir, keyed by a hash of how it was made and
 * the espeak-ng/sox versions, so a second run of the long acceptance tests only reads files.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bytesToInt16, parseWav } from '../../src/controller/devices/voice/wav';

const run = promisify(execFile);

let toolVersions: Promise<string> | undefined;
/** espeak-ng's and sox's versions: a different synthesizer makes different audio. */
function versions(): Promise<string> {
  toolVersions ??= Promise.all([run('espeak-ng', ['--version']), run('sox', ['--version'])]).then((r) => r.map((x) => x.stdout.trim()).join('|'));
  return toolVersions;
}

/**
 * Every sox call runs with -R: sox dithers when it writes 16-bit audio, and without -R its dither
 * is seeded at random, so the "silence" around a spoken phrase was different noise on every run
 * (a wake-word score on it ranged 0.0001..0.05 over runs). Part of the cache key, so audio made
 * before this was repeatable is made again.
 */
const REPEATABLE = ['-R'];

/** Where generated audio is kept between runs (never in the repository). */
export const AUDIO_CACHE_DIR = join(tmpdir(), 'lobby-robot-voice-audio');

/**
 * The WAV `make` writes for `recipe`, made once: later calls (this run or the next) return the
 * cached file. `make` writes to a private temp name that is renamed into place, so parallel test
 * workers never read half a file.
 */
export async function cachedAudio(recipe: unknown, make: (out: string) => Promise<unknown>): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify([recipe, await versions(), REPEATABLE])).digest('hex').slice(0, 32);
  const file = join(AUDIO_CACHE_DIR, `${key}.wav`);
  if (existsSync(file)) return file;
  mkdirSync(AUDIO_CACHE_DIR, { recursive: true });
  const partial = join(AUDIO_CACHE_DIR, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.part.wav`);
  await make(partial);
  renameSync(partial, file);
  return file;
}

/**
 * espeak-ng → 16 kHz mono s16 WAV at `out`, with `padSeconds` of silence before and after and at
 * most `maxSeconds` long; text on stdin.
 */
export async function speak(out: string, text: string, voice: string, wordsPerMinute = 150, padSeconds = 0, maxSeconds = 0): Promise<string> {
  const raw = `${out}.espeak.wav`;
  await new Promise<void>((resolve, reject) => {
    const child = execFile('espeak-ng', ['-v', voice, '-s', String(wordsPerMinute), '-b', '1', '-w', raw], (e) => (e ? reject(e) : resolve()));
    child.stdin!.end(text);
  });
  const pad = padSeconds > 0 ? ['pad', String(padSeconds), String(padSeconds)] : [];
  const trim = maxSeconds > 0 ? ['trim', '0', String(maxSeconds)] : [];
  await run('sox', [...REPEATABLE, raw, '-r', '16000', '-c', '1', '-b', '16', out, ...pad, ...trim]);
  rmSync(raw, { force: true });
  return out;
}

export type NoiseColour = 'whitenoise' | 'pinknoise' | 'brownnoise';

/** `seconds` of coloured noise at `amplitude` (0..1); -R makes sox's generator repeatable. */
export async function noise(out: string, seconds: number, colour: NoiseColour, amplitude = 0.3): Promise<string> {
  await run('sox', [...REPEATABLE, '-n', '-r', '16000', '-c', '1', '-b', '16', out, 'synth', String(seconds), colour, 'vol', String(amplitude)]);
  return out;
}

/** RMS of samples, 0..1 like sox's "RMS amplitude". */
export function rmsOf(samples: Int16Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i]! / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
}

/** A 16 kHz mono WAV's samples. */
export function samplesOf(file: string): Int16Array {
  return bytesToInt16(parseWav(readFileSync(file)).data);
}

/**
 * `speech` plus a long `noiseFile` cut to the same length, mixed by sox so that speech RMS over
 * noise RMS is `snrDb`. `speechRms` is measured on the spoken part only (not the padding).
 */
export async function mixAtSnr(out: string, speech: string, speechRms: number, noiseFile: string, noiseRms: number, snrDb: number): Promise<string> {
  const seconds = samplesOf(speech).length / 16000;
  const noiseGain = speechRms / (noiseRms * 10 ** (snrDb / 20));
  // -v 0.8 on both keeps the sum below full scale
  await run('sox', [...REPEATABLE, '-m', '-v', '0.8', speech, '-v', String(0.8 * noiseGain), noiseFile, out, 'trim', '0', seconds.toFixed(4)]);
  return out;
}

/** Runs `task` over `items` with at most `limit` at a time (2 cores: more only queues). */
export async function inBatches<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!, i);
      }
    }),
  );
  return results;
}
