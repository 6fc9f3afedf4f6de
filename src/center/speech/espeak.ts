/**
 * The center's own speech for the lobby display: espeak-ng (offline, the same engine as the robot)
 * turns each sentence into 16-bit mono PCM; the sentences are joined, with a short pause, into one
 * WAV the display's <audio> element plays. The TV's browser voices never matter.
 */
import { spawn } from 'node:child_process';
import type { Language } from '../../contract/version';
import { CenterError } from '../http/errors';

/** espeak-ng voices per language; `cmn-latn-pinyin` reads Chinese as Mandarin, not spelled out. */
const VOICES: Record<Language, string> = { vi: 'vi', en: 'en-us', zh: 'cmn-latn-pinyin', ko: 'ko', ja: 'ja' };
const MAX_PCM_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

export interface Sentence {
  text: string;
  language: Language;
}

export type Speak = (sentences: readonly Sentence[]) => Promise<Buffer>;

interface Pcm {
  sampleRate: number;
  data: Buffer;
}

function run(command: string, s: Sentence): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-v', VOICES[s.language], '-s', '150', '-b', '1', '--stdout'], { stdio: ['pipe', 'pipe', 'ignore'], timeout: TIMEOUT_MS });
    const out: Buffer[] = [];
    let bytes = 0;
    child.stdout.on('data', (b: Buffer) => {
      bytes += b.length;
      if (bytes > MAX_PCM_BYTES) child.kill('SIGKILL');
      else out.push(b);
    });
    child.stdin.on('error', () => undefined);
    child.on('error', (e: NodeJS.ErrnoException) => reject(new CenterError(503, e.code === 'ENOENT' ? 'VOICE_TTS_MISSING' : 'VOICE_TTS_FAILED')));
    child.on('close', (code) => (code === 0 && bytes <= MAX_PCM_BYTES ? resolve(Buffer.concat(out)) : reject(new CenterError(503, 'VOICE_TTS_FAILED'))));
    // text through stdin: nothing in it is ever read as an option
    child.stdin.end(s.text.replace(/[\u0000-\u001f\u007f]/g, ' '));
  });
}

/** espeak-ng's --stdout header cannot carry the sizes (it cannot seek): read the format, take the rest as data. */
function pcmOf(wav: Buffer): Pcm {
  const data = wav.indexOf('data', 12, 'latin1');
  if (wav.toString('latin1', 0, 4) !== 'RIFF' || data < 0 || wav.readUInt16LE(34) !== 16 || wav.readUInt16LE(22) !== 1) throw new CenterError(503, 'VOICE_TTS_FAILED');
  return { sampleRate: wav.readUInt32LE(24), data: wav.subarray(data + 8) };
}

export function wavOf(pcm: Pcm): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + pcm.data.length, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(pcm.sampleRate, 24);
  h.writeUInt32LE(pcm.sampleRate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(pcm.data.length, 40);
  return Buffer.concat([h, pcm.data]);
}

/** Speaks the sentences one after the other, 0.4 s apart, as one WAV. */
export function espeakSpeaker(command = 'espeak-ng'): Speak {
  return async (sentences) => {
    const parts = [];
    for (const s of sentences) parts.push(pcmOf(await run(command, s)));
    const rate = parts[0]?.sampleRate ?? 22050;
    const pause = Buffer.alloc(Math.round(rate * 0.4) * 2);
    const data = Buffer.concat(parts.flatMap((p, i) => (i ? [pause, p.data] : [p.data])));
    return wavOf({ sampleRate: rate, data });
  };
}
