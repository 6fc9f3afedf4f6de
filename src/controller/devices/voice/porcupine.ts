/**
 * The Porcupine engine (@picovoice/porcupine-node). It needs a Picovoice AccessKey, checked when
 * the engine is built: a missing, malformed or refused key is a typed start-up error for this
 * engine (WAKEWORD_ACCESS_KEY_*), never a crash of the robot. The key never reaches logs: error
 * details from the library quote it, so it is masked.
 */
import { existsSync } from 'node:fs';
import { CodedError, type ErrorCode } from '../../../contract';
import { WakeTrigger } from '../../../core/wake-trigger';
import { PORCUPINE_BUILTIN_KEYWORDS } from '../../config/voice-schema';
import type { WakeWordDetection, WakeWordPort } from './wake-word-port';

/** What this adapter uses of porcupine-node's Porcupine class; tests pass their own. */
export interface PorcupineHandle {
  readonly frameLength: number;
  readonly sampleRate: number;
  process(frame: Int16Array): number;
  release(): void;
}
export type PorcupineFactory = (accessKey: string, keywordPaths: string[], sensitivities: number[], modelPath?: string) => PorcupineHandle;

export interface PorcupineOptions {
  accessKey: string | undefined;
  /** A built-in keyword name or a .ppn file path. */
  keyword: string;
  sensitivity: number;
  modelPath?: string;
  refractoryMs: number;
  /** The real library unless a test passes a fake. */
  factory?: PorcupineFactory;
}

/** AccessKeys are base64 strings (about 56 characters); anything else is refused before the library sees it. */
export function isWellFormedAccessKey(key: string): boolean {
  return /^[A-Za-z0-9+/]{20,500}={0,2}$/.test(key);
}

/** porcupine-node error class name → our code. Names, not messages: messages are not stable. */
const ERROR_BY_CLASS: Record<string, ErrorCode> = {
  PorcupineInvalidArgumentError: 'WAKEWORD_ACCESS_KEY_INVALID',
  PorcupineActivationError: 'WAKEWORD_ACCESS_KEY_INVALID',
  PorcupineActivationRefusedError: 'WAKEWORD_ACTIVATION_REFUSED',
  PorcupineActivationLimitReachedError: 'WAKEWORD_ACTIVATION_REFUSED',
  PorcupineActivationThrottledError: 'WAKEWORD_ACTIVATION_REFUSED',
  PorcupineIOError: 'WAKEWORD_MODEL_MISSING',
};

export function mapPorcupineError(e: unknown, accessKey: string): CodedError {
  const name = (e as { constructor?: { name?: string } })?.constructor?.name ?? '';
  const code = ERROR_BY_CLASS[name] ?? 'WAKEWORD_ENGINE_FAILED';
  const message = e instanceof Error ? e.message : String(e);
  const masked = accessKey ? message.split(accessKey).join('<access key>') : message;
  return new CodedError(code, `porcupine ${name || 'error'}: ${masked.slice(0, 500)}`);
}

type PorcupineLib = typeof import('@picovoice/porcupine-node');

async function loadLibrary(): Promise<PorcupineLib> {
  try {
    // loaded on first use, like onnxruntime: only a robot configured for Porcupine pays for it
    const m = (await import('@picovoice/porcupine-node')) as PorcupineLib & { default?: PorcupineLib };
    return m.Porcupine ? m : m.default!;
  } catch (e) {
    throw new CodedError('WAKEWORD_ENGINE_MISSING', `@picovoice/porcupine-node: ${(e as Error).message}`);
  }
}

function realFactory(lib: PorcupineLib): PorcupineFactory {
  return (key, keywords, sensitivities, modelPath) => new lib.Porcupine(key, keywords, sensitivities, modelPath ? { modelPath } : {});
}

/** A built-in keyword's .ppn inside the library, or the custom file, which must exist. */
function keywordPath(keyword: string, lib: PorcupineLib | undefined): string {
  if (!(PORCUPINE_BUILTIN_KEYWORDS as readonly string[]).includes(keyword)) {
    if (!existsSync(keyword)) throw new CodedError('WAKEWORD_KEYWORD_INVALID', `keyword file ${keyword} not found`);
    return keyword;
  }
  return lib ? lib.getBuiltinKeywordPath(keyword as Parameters<PorcupineLib['getBuiltinKeywordPath']>[0]) : keyword;
}

export class PorcupineWakeWord implements WakeWordPort {
  readonly engine = 'porcupine' as const;
  readonly keyword: string;
  private readonly trigger: WakeTrigger;
  private pending = new Int16Array(0);
  private frames = 0;
  /** Porcupine gives no score: a frame that detects scores 1, any other 0; the line sits between. */
  readonly threshold = 0.5;
  private peak = 0;

  private constructor(private readonly handle: PorcupineHandle, options: PorcupineOptions) {
    this.keyword = options.keyword;
    this.trigger = new WakeTrigger({ threshold: 1, refractorySeconds: options.refractoryMs / 1000 });
  }

  /** Builds the engine or throws a CodedError (WAKEWORD_*): the caller keeps the robot running without voice wake-up. */
  static async create(options: PorcupineOptions): Promise<PorcupineWakeWord> {
    const key = options.accessKey?.trim() ?? '';
    if (key === '') throw new CodedError('WAKEWORD_ACCESS_KEY_MISSING', 'set voice.wakeWord.accessKey or LOBBY_ROBOT_PICOVOICE_ACCESS_KEY');
    if (!isWellFormedAccessKey(key)) throw new CodedError('WAKEWORD_ACCESS_KEY_INVALID', 'the AccessKey is not a Picovoice AccessKey (base64 text)');
    if (options.modelPath && !existsSync(options.modelPath)) throw new CodedError('WAKEWORD_MODEL_MISSING', `${options.modelPath} not found`);
    const lib = options.factory ? undefined : await loadLibrary();
    const path = keywordPath(options.keyword, lib);
    const factory = options.factory ?? realFactory(lib!);
    let handle: PorcupineHandle;
    try {
      handle = factory(key, [path], [options.sensitivity], options.modelPath);
    } catch (e) {
      throw mapPorcupineError(e, key);
    }
    if (handle.sampleRate !== 16000) {
      handle.release();
      throw new CodedError('WAKEWORD_ENGINE_FAILED', `porcupine wants ${handle.sampleRate} Hz audio`);
    }
    return new PorcupineWakeWord(handle, options);
  }

  async process(samples: Int16Array): Promise<WakeWordDetection[]> {
    const n = this.handle.frameLength;
    const all = new Int16Array(this.pending.length + samples.length);
    all.set(this.pending);
    all.set(samples, this.pending.length);
    const out: WakeWordDetection[] = [];
    let i = 0;
    for (; i + n <= all.length; i += n) {
      let index: number;
      try {
        index = this.handle.process(all.subarray(i, i + n));
      } catch (e) {
        throw mapPorcupineError(e, '');
      }
      this.frames++;
      if (index >= 0) this.peak = 1;
      const seconds = (this.frames * n) / 16000;
      if (index >= 0 && this.trigger.offer(seconds, 1)) out.push({ seconds, keyword: this.keyword, score: 1 });
    }
    this.pending = all.slice(i);
    return out;
  }

  peakScore(): number {
    const peak = this.peak;
    this.peak = 0;
    return peak;
  }

  reset(): void {
    this.peak = 0;
    this.pending = new Int16Array(0);
    this.frames = 0;
    this.trigger.reset();
  }

  async close(): Promise<void> {
    this.handle.release();
  }
}
