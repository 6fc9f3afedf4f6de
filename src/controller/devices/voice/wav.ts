/**
 * WAV in and out. The voice pipeline works on 16 kHz mono signed 16-bit PCM; other WAVs (espeak-ng
 * writes 22.05 kHz) are converted by sox, whose resampler is far better than anything worth
 * writing here.
 */
import { readFile } from 'node:fs/promises';
import { CodedError } from '../../../contract';
import { runTool } from './run-tool';

export const SAMPLE_RATE = 16000;

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 1 = integer PCM, 3 = IEEE float, 0xfffe = extensible. */
  format: number;
  /** The bytes of the data chunk. */
  data: Buffer;
}

/** Reads the RIFF header; throws VOICE_AUDIO_FORMAT_UNSUPPORTED for anything that is not a WAV. */
export function parseWav(buf: Buffer): WavInfo {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new CodedError('VOICE_AUDIO_FORMAT_UNSUPPORTED', 'not a RIFF/WAVE file');
  }
  let fmt: Omit<WavInfo, 'data'> | undefined;
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    let size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    // streamed WAVs (espeak-ng --stdout) leave the sizes at 0 or 0xffffffff: the data runs to the end
    if (id === 'data' && (size === 0 || size === 0xffffffff || body + size > buf.length)) size = buf.length - body;
    if (id === 'fmt ' && size >= 16) {
      fmt = {
        format: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) throw new CodedError('VOICE_AUDIO_FORMAT_UNSUPPORTED', 'data chunk before fmt chunk');
      return { ...fmt, data: buf.subarray(body, body + size) };
    }
    offset = body + size + (size % 2);
  }
  throw new CodedError('VOICE_AUDIO_FORMAT_UNSUPPORTED', 'no data chunk');
}

export function isPipelineFormat(w: Omit<WavInfo, 'data'>): boolean {
  return w.format === 1 && w.channels === 1 && w.bitsPerSample === 16 && w.sampleRate === SAMPLE_RATE;
}

/** Little-endian s16 bytes as samples (copied, so alignment of the source buffer does not matter). */
export function bytesToInt16(bytes: Buffer): Int16Array {
  const n = Math.floor(bytes.length / 2);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = bytes.readInt16LE(i * 2);
  return out;
}

/** A 16-bit mono WAV file image. */
export function encodeWav(samples: Int16Array, sampleRate = SAMPLE_RATE): Buffer {
  const header = Buffer.alloc(44);
  const dataBytes = samples.length * 2;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  const data = Buffer.alloc(dataBytes);
  for (let i = 0; i < samples.length; i++) data.writeInt16LE(samples[i]!, i * 2);
  return Buffer.concat([header, data]);
}

export interface ReadPcmOptions {
  /** sox binary (tests may point elsewhere). */
  sox?: string;
}

/**
 * A WAV or raw .pcm/.raw file as 16 kHz mono s16 samples. Raw files must already be in that format;
 * WAVs in another format go through sox.
 */
export async function readPcm16k(path: string, options: ReadPcmOptions = {}): Promise<Int16Array> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new CodedError('VOICE_AUDIO_FILE_UNREADABLE', (e as Error).message);
  }
  if (/\.(pcm|raw)$/i.test(path)) return bytesToInt16(buf);
  const wav = parseWav(buf);
  if (isPipelineFormat(wav)) return bytesToInt16(wav.data);
  const { stdout } = await runTool({
    command: options.sox ?? 'sox',
    args: [path, '-t', 'raw', '-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', '-L', '-'],
    missing: 'VOICE_AUDIO_FORMAT_UNSUPPORTED',
    failed: 'VOICE_AUDIO_FORMAT_UNSUPPORTED',
  });
  return bytesToInt16(stdout);
}
