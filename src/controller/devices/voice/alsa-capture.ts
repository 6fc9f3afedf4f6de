/**
 * The robot's microphone through ALSA's `arecord` (alsa-utils): 16 kHz mono s16le raw on stdout.
 * A missing arecord or a missing capture device rejects `start` with a typed error; the robot
 * keeps running with touch only.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { CodedError, type PartStatus } from '../../../contract';
import type { AudioInPort, AudioListener } from './audio-in-port';
import { SAMPLE_RATE } from './wav';

export interface AlsaCaptureOptions {
  device: string;
  /** arecord binary; tests point it elsewhere to simulate a machine without alsa-utils. */
  command?: string;
  /** How long arecord must keep running before the device counts as open. */
  settleMs?: number;
}

export class AlsaCapture implements AudioInPort {
  readonly sampleRate = SAMPLE_RATE;
  private child: ChildProcessByStdio<null, Readable, Readable> | null = null;
  private state: PartStatus;
  private stopping = false;

  constructor(private readonly options: AlsaCaptureOptions) {
    this.state = { state: 'starting', adapter: `alsa ${options.device}` };
  }

  status(): PartStatus {
    return this.state;
  }

  start(listener: AudioListener): Promise<void> {
    const args = ['-q', '-D', this.options.device, '-f', 'S16_LE', '-r', String(SAMPLE_RATE), '-c', '1', '-t', 'raw'];
    const child = spawn(this.options.command ?? 'arecord', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.stopping = false;
    let stderr = '';
    let carry: Buffer = Buffer.alloc(0);
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < 2000) stderr += b.toString('utf8');
    });
    return new Promise((resolve, reject) => {
      let opened = false;
      const fail = (code: 'VOICE_CAPTURE_TOOL_MISSING' | 'VOICE_CAPTURE_DEVICE_MISSING' | 'VOICE_CAPTURE_FAILED', detail: string) => {
        const error = new CodedError(code, detail);
        this.state = { state: 'fault', adapter: this.state.adapter, code };
        if (opened) listener.end(error);
        else reject(error);
      };
      const settle = setTimeout(() => {
        opened = true;
        this.state = { state: 'ok', adapter: this.state.adapter };
        resolve();
      }, this.options.settleMs ?? 300);
      child.stdout.on('data', (b: Buffer) => {
        // samples may straddle two reads: keep an odd trailing byte for the next one
        const bytes = carry.length ? Buffer.concat([carry, b]) : b;
        const even = bytes.length - (bytes.length % 2);
        carry = bytes.subarray(even);
        const samples = new Int16Array(even / 2);
        for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
        listener.audio(samples);
      });
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(settle);
        fail(e.code === 'ENOENT' ? 'VOICE_CAPTURE_TOOL_MISSING' : 'VOICE_CAPTURE_FAILED', `arecord: ${e.message}`);
      });
      child.on('close', (code, signal) => {
        clearTimeout(settle);
        this.child = null;
        if (this.stopping) {
          this.state = { state: 'disabled', adapter: this.state.adapter };
          if (opened) listener.end();
          return;
        }
        // arecord that dies before the device settled never had a device; later it lost it
        const detail = `arecord exited with ${code ?? signal}: ${stderr.trim().slice(0, 300)}`;
        fail(opened ? 'VOICE_CAPTURE_FAILED' : 'VOICE_CAPTURE_DEVICE_MISSING', detail);
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.stopping = true;
    await new Promise<void>((resolve) => {
      child.once('close', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
