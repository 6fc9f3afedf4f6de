/**
 * `lobby-robot voice detect FILE.wav`: the wake words heard in a recording, one line each
 * ("<seconds> <keyword> <score>") and nothing else on stdout, so scripts can count them.
 * `lobby-robot voice say --lang L TEXT --out F.wav`: what the robot would say, as a WAV file.
 */
import { writeFile } from 'node:fs/promises';
import { CodedError, LANGUAGES, type ErrorCode, type Language } from '../../contract';
import { VOICE_PROMPT_KEYS, type VoicePromptKey } from '../../core/voice-session';
import { OPENWAKEWORD_MODELS, SpeechConfig, WakeWordConfig } from '../../controller/config/voice-schema';
import { EspeakSynth } from '../../controller/devices/voice/espeak';
import { OpenWakeWord } from '../../controller/devices/voice/openwakeword';
import { loadPromptBook } from '../../controller/devices/voice/prompts';
import { readPcm16k } from '../../controller/devices/voice/wav';
import { parseOptions, UsageError } from '../args';
import type { CliIo } from '../io';

const DETECT_USAGE = `usage: lobby-robot voice detect FILE.wav [--model ${OPENWAKEWORD_MODELS.join('|')}] [--threshold 0.5] [--refractory-ms 2000]`;
const SAY_USAGE = `usage: lobby-robot voice say --lang ${LANGUAGES.join('|')} (TEXT | --prompt KEY) --out F.wav [--rate WPM] [--volume 0-200]`;

/** sysexits.h: what went wrong, for scripts. */
function exitFor(code: ErrorCode): number {
  if (code === 'VOICE_AUDIO_FILE_UNREADABLE' || code === 'VOICE_AUDIO_FORMAT_UNSUPPORTED') return 66; // EX_NOINPUT / EX_DATAERR
  if (code.endsWith('_MISSING')) return 69; // EX_UNAVAILABLE
  return 1;
}

async function guarded(io: CliIo, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n${usage}`);
      return 64;
    }
    if (e instanceof CodedError) {
      io.stderr(`${e.code}: ${e.message}`);
      return exitFor(e.code);
    }
    throw e;
  }
}

function parseOrUsage<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new UsageError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
}

export async function voiceDetect(args: string[], io: CliIo): Promise<number> {
  return guarded(io, DETECT_USAGE, async () => {
    const { values, positionals } = parseOptions(args, {
      model: { type: 'string' },
      threshold: { type: 'string' },
      'refractory-ms': { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('expected exactly one audio file');
    const config = parseOrUsage(WakeWordConfig, {
      engine: 'openwakeword',
      model: values.model,
      threshold: values.threshold === undefined ? undefined : Number(values.threshold),
      refractoryMs: values['refractory-ms'] === undefined ? undefined : Number(values['refractory-ms']),
    });
    if (config.engine !== 'openwakeword') throw new UsageError('only openwakeword runs on files');
    const samples = await readPcm16k(positionals[0]!);
    const engine = await OpenWakeWord.create(config);
    try {
      // a second of silence after the end lets a keyword at the very end of the file finish scoring
      const tail = new Int16Array(16000);
      for (const d of [...(await engine.process(samples)), ...(await engine.process(tail))]) {
        io.stdout(`${d.seconds.toFixed(2)} ${d.keyword} ${d.score.toFixed(3)}`);
      }
    } finally {
      await engine.close();
    }
    return 0;
  });
}

export async function voiceSay(args: string[], io: CliIo): Promise<number> {
  return guarded(io, SAY_USAGE, async () => {
    const { values, positionals } = parseOptions(args, {
      lang: { type: 'string' },
      out: { type: 'string' },
      prompt: { type: 'string' },
      rate: { type: 'string' },
      volume: { type: 'string' },
    });
    const lang = values.lang as Language | undefined;
    if (!lang || !(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang: one of ${LANGUAGES.join(', ')}`);
    if (!values.out) throw new UsageError('--out F.wav is required');
    const prompt = values.prompt as VoicePromptKey | undefined;
    if (prompt !== undefined && !(VOICE_PROMPT_KEYS as readonly string[]).includes(prompt)) throw new UsageError(`--prompt: one of ${VOICE_PROMPT_KEYS.join(', ')}`);
    if ((prompt === undefined) === (positionals.length === 0)) throw new UsageError('give either TEXT or --prompt KEY');
    const text = prompt ? loadPromptBook()[lang][prompt] : positionals.join(' ');
    const speech = parseOrUsage(SpeechConfig, {
      rate: values.rate === undefined ? undefined : Number(values.rate),
      volume: values.volume === undefined ? undefined : Number(values.volume),
    });
    const wav = await new EspeakSynth(speech).synthesize(text, lang);
    await writeFile(values.out, wav);
    return 0;
  });
}
