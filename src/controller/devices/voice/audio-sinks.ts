/** Where the robot's voice goes: the loudspeaker through ALSA's aplay, or WAV files. */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CodedError } from '../../../contract';
import { runTool } from './run-tool';
import type { AudioSink } from './speech-port';

export interface AlsaPlaybackOptions {
  device: string;
  /** aplay binary; tests point it elsewhere to simulate a machine without alsa-utils. */
  command?: string;
  /** Whether the kernel knows any sound card; /proc/asound/cards by default. */
  hasSoundCard?: () => boolean;
}

export class AlsaPlayback implements AudioSink {
  readonly name: string;

  constructor(private readonly options: AlsaPlaybackOptions) {
    this.name = `alsa ${options.device}`;
  }

  async play(wav: Buffer, signal: AbortSignal): Promise<void> {
    try {
      await runTool({
        command: this.options.command ?? 'aplay',
        args: ['-q', '-D', this.options.device, '-'],
        stdin: wav,
        missing: 'VOICE_PLAYBACK_TOOL_MISSING',
        failed: 'VOICE_PLAYBACK_FAILED',
        signal,
      });
    } catch (e) {
      // aplay says why only in prose; the kernel's card list tells a missing device apart without parsing it
      const hasCard = this.options.hasSoundCard ?? (() => existsSync('/proc/asound/cards'));
      if (e instanceof CodedError && e.code === 'VOICE_PLAYBACK_FAILED' && !hasCard()) {
        throw new CodedError('VOICE_PLAYBACK_DEVICE_MISSING', `no sound card: ${e.message}`);
      }
      throw e;
    }
  }
}

/** Writes each utterance as <dir>/<n>.wav (tests, demos, machines without a loudspeaker). */
export class WavFileSink implements AudioSink {
  readonly name: string;
  readonly written: string[] = [];

  constructor(private readonly dir: string) {
    this.name = `file ${dir}`;
  }

  async play(wav: Buffer, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${String(this.written.length + 1).padStart(4, '0')}.wav`);
    // written under another name and renamed: whoever lists the folder (a technician, a test)
    // sees a .wav only once it is whole, never the empty file writeFile creates first
    const partial = `${file}.part`;
    await writeFile(partial, wav);
    await rename(partial, file);
    this.written.push(file);
  }
}
