/**
 * @jest-environment ./test/support/onnx-environment.js
 */
/**
 * The openWakeWord feature pipeline: streaming in any chunk size gives the same scores as one
 * call (the mel context and the 8-frame hop are kept across calls), and the numbers are right on a
 * real utterance: "hey jarvis" peaks near 1 just after it is said, silence stays near 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenWakeWord } from '../../../src/controller/devices/voice/openwakeword';
import type { KeywordScore } from '../../../src/controller/devices/voice/openwakeword-pipeline';
import { samplesOf, speak } from '../../support/voice-audio';

describe('openWakeWord pipeline on onnxruntime-node', () => {
  let dir: string;
  let engine: OpenWakeWord;
  let utterance: Int16Array;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oww-'));
    engine = await OpenWakeWord.create({ model: 'hey_jarvis', threshold: 0.5, refractoryMs: 2000 });
    utterance = samplesOf(await speak(join(dir, 'hj.wav'), 'hey jarvis', 'en-gb', 160, 1.5));
  }, 30000);
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function scoresInChunks(x: Int16Array, size: number): Promise<KeywordScore[]> {
    engine.reset();
    const out: KeywordScore[] = [];
    for (let i = 0; i < x.length; i += size) out.push(...(await engine.scores(x.subarray(i, i + size))));
    return out;
  }

  it('gives the same scores whether fed in 80 ms steps, odd-sized chunks or at once', async () => {
    const whole = await scoresInChunks(utterance, utterance.length);
    expect(whole.length).toBe(Math.floor(utterance.length / 1280));
    for (const size of [1280, 1000, 4096]) {
      const chunked = await scoresInChunks(utterance, size);
      expect(chunked.map((s) => s.seconds)).toEqual(whole.map((s) => s.seconds));
      const maxDiff = Math.max(...chunked.map((s, i) => Math.abs(s.score - whole[i]!.score)));
      expect(maxDiff).toBeLessThan(1e-4);
    }
  }, 30000);

  it('scores the spoken wake word near 1 right after it ends, and silence near 0', async () => {
    const scores = await scoresInChunks(utterance, 1280);
    const peak = scores.reduce((a, b) => (b.score > a.score ? b : a));
    const spokenEnd = utterance.length / 16000 - 1.5;
    expect(peak.score).toBeGreaterThan(0.9);
    expect(peak.seconds).toBeGreaterThan(spokenEnd - 0.3);
    expect(peak.seconds).toBeLessThan(spokenEnd + 1);
    // the leading second of silence, once the first five warm-up steps are past (its dither is the
    // same on every run: voice-audio runs sox with -R; with random dither CI once saw 0.05003)
    expect(Math.max(...scores.filter((s) => s.seconds < 1.4).map((s) => s.score))).toBeLessThan(0.05);
  }, 30000);
});
