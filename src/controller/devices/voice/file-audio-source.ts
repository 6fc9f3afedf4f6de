/**
 * Audio from a WAV/PCM file, for tests, demos and `voice detect`. Fast mode hands the audio over
 * as quickly as the listener takes it; real-time mode paces it like a microphone (one 80 ms chunk
 * every 80 ms) through an injected sleep, so tests with a fake clock need no waiting.
 */
import { CodedError, type PartStatus } from '../../../contract';
import type { AudioInPort, AudioListener } from './audio-in-port';
import { readPcm16k, SAMPLE_RATE } from './wav';

export const CHUNK_SAMPLES = 1280;

export interface FileAudioSourceOptions {
  path: string;
  realtime: boolean;
  sleep?: (ms: number) => Promise<void>;
}

export class FileAudioSource implements AudioInPort {
  readonly sampleRate = SAMPLE_RATE;
  private running = false;
  private done: Promise<void> = Promise.resolve();
  private state: PartStatus;

  constructor(private readonly options: FileAudioSourceOptions) {
    this.state = { state: 'starting', adapter: `file ${options.path}` };
  }

  status(): PartStatus {
    return this.state;
  }

  async start(listener: AudioListener): Promise<void> {
    let samples: Int16Array;
    try {
      samples = await readPcm16k(this.options.path);
    } catch (e) {
      const code = e instanceof CodedError ? e.code : 'VOICE_AUDIO_FILE_UNREADABLE';
      this.state = { state: 'fault', adapter: this.state.adapter, code };
      throw e;
    }
    this.state = { state: 'ok', adapter: this.state.adapter };
    this.running = true;
    this.done = this.pump(samples, listener);
  }

  /** Resolves when the whole file has been delivered (or the source was stopped). */
  finished(): Promise<void> {
    return this.done;
  }

  private async pump(samples: Int16Array, listener: AudioListener): Promise<void> {
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let i = 0; i < samples.length && this.running; i += CHUNK_SAMPLES) {
      if (this.options.realtime) await sleep((CHUNK_SAMPLES / SAMPLE_RATE) * 1000);
      else if (i % (CHUNK_SAMPLES * 64) === 0) await Promise.resolve(); // let other work in between
      if (!this.running) break;
      listener.audio(samples.subarray(i, i + CHUNK_SAMPLES));
    }
    this.running = false;
    listener.end();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}
