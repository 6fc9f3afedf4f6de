/** Where the robot's voice goes: the loudspeaker through ALSA's aplay, or WAV files. */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
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

/**
 * How many utterances the WAV folder keeps. The file sink is what `auto` picks on a robot whose
 * sound card is missing; it speaks all day, so without a bound the folder would fill the data disk
 * the ticket store lives on.
 */
export const WAV_FILES_KEPT = 100;

const NUMBERED_WAV = /^(\d+)\.wav$/;

/**
 * Writes each utterance as <dir>/<n>.wav (tests, demos, machines without a loudspeaker): numbers go
 * on from the highest already in the folder, so the newest is always the highest, also after a
 * restart, and only the last `keep` stay.
 */
export class WavFileSink implements AudioSink {
  readonly name: string;
  /** The next number, read from the folder once; one promise so that concurrent first calls share it. */
  private counter: Promise<{ next: number }> | undefined;

  constructor(
    private readonly dir: string,
    private readonly keep = WAV_FILES_KEPT,
  ) {
    this.name = `file ${dir}`;
  }

  async play(wav: Buffer, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    // a folder that could not be opened is tried again on the next utterance, not failed for good
    const counter = await (this.counter ??= this.open().catch((e: unknown) => {
      this.counter = undefined;
      throw e;
    }));
    const n = counter.next++;
    const file = this.fileOf(n);
    // written under another name and renamed: whoever lists the folder (a technician, a test)
    // sees a .wav only once it is whole, never the empty file writeFile creates first
    const partial = `${file}.part`;
    await writeFile(partial, wav);
    await rename(partial, file);
    // the folder held at most `keep` before this one: the one `keep` back goes
    if (n > this.keep) await rm(this.fileOf(n - this.keep), { force: true });
  }

  /** Reads the folder once: clears what a crash left half-written and all but the last `keep`. */
  private async open(): Promise<{ next: number }> {
    await mkdir(this.dir, { recursive: true });
    const files = await readdir(this.dir);
    const numbered = files.flatMap((file) => {
      const m = NUMBERED_WAV.exec(file);
      return m ? [{ n: Number(m[1]), file }] : [];
    });
    const last = Math.max(0, ...numbered.map((w) => w.n));
    const stale = [...files.filter((f) => f.endsWith('.wav.part')), ...numbered.filter((w) => w.n <= last - this.keep).map((w) => w.file)];
    for (const f of stale) await rm(join(this.dir, f), { force: true });
    return { next: last + 1 };
  }

  private fileOf(n: number): string {
    return join(this.dir, `${String(n).padStart(4, '0')}.wav`);
  }
}
