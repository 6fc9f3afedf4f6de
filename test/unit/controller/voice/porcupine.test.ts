/**
 * Porcupine needs a Picovoice AccessKey, and there is no network here to validate a real one: so
 * these tests cover the missing and malformed key paths, the real library's refusal of an invalid
 * key, and the mapping of every library error class at the construction boundary.
 */
import { CodedError } from '../../../../src/contract';
import { VoiceConfig } from '../../../../src/controller/config/voice-schema';
import { createVoice, PICOVOICE_KEY_ENV } from '../../../../src/controller/devices/voice/create-voice';
import { mapPorcupineError, PorcupineWakeWord, type PorcupineFactory, type PorcupineHandle } from '../../../../src/controller/devices/voice/porcupine';
import { createLogger } from '../../../../src/controller/log';

const WELL_FORMED = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkwYWJjZGVmZ2hpams=';
const base = { keyword: 'jarvis', sensitivity: 0.5, refractoryMs: 2000 };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof CodedError ? e.code : `uncoded ${String(e)}`;
  }
}

/** Stand-ins named like porcupine-node's error classes: the mapping goes by class, not message. */
const libraryErrors = {
  PorcupineInvalidArgumentError: class PorcupineInvalidArgumentError extends Error {},
  PorcupineActivationError: class PorcupineActivationError extends Error {},
  PorcupineActivationRefusedError: class PorcupineActivationRefusedError extends Error {},
  PorcupineActivationLimitReachedError: class PorcupineActivationLimitReachedError extends Error {},
  PorcupineActivationThrottledError: class PorcupineActivationThrottledError extends Error {},
  PorcupineIOError: class PorcupineIOError extends Error {},
  PorcupineRuntimeError: class PorcupineRuntimeError extends Error {},
};

describe('Porcupine start-up errors', () => {
  it('a missing or blank key is WAKEWORD_ACCESS_KEY_MISSING, and the library is never called', async () => {
    const factory = jest.fn<PorcupineHandle, Parameters<PorcupineFactory>>();
    expect(await codeOf(PorcupineWakeWord.create({ ...base, accessKey: undefined, factory }))).toBe('WAKEWORD_ACCESS_KEY_MISSING');
    expect(await codeOf(PorcupineWakeWord.create({ ...base, accessKey: '   ', factory }))).toBe('WAKEWORD_ACCESS_KEY_MISSING');
    expect(factory).not.toHaveBeenCalled();
  });

  it('a malformed key is WAKEWORD_ACCESS_KEY_INVALID before the library sees it', async () => {
    const factory = jest.fn<PorcupineHandle, Parameters<PorcupineFactory>>();
    for (const key of ['abc', 'has spaces in it but is long enough', 'ünïcödé-ünïcödé-ünïcödé', 'x'.repeat(600)]) {
      expect(await codeOf(PorcupineWakeWord.create({ ...base, accessKey: key, factory }))).toBe('WAKEWORD_ACCESS_KEY_INVALID');
    }
    expect(factory).not.toHaveBeenCalled();
  });

  it('the real library refuses a well-formed but invalid key: WAKEWORD_ACCESS_KEY_INVALID, key masked in the detail', async () => {
    const error = await PorcupineWakeWord.create({ ...base, accessKey: WELL_FORMED }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe('WAKEWORD_ACCESS_KEY_INVALID');
    expect((error as CodedError).message).not.toContain(WELL_FORMED);
  });

  it.each([
    ['PorcupineInvalidArgumentError', 'WAKEWORD_ACCESS_KEY_INVALID'],
    ['PorcupineActivationError', 'WAKEWORD_ACCESS_KEY_INVALID'],
    ['PorcupineActivationRefusedError', 'WAKEWORD_ACTIVATION_REFUSED'],
    ['PorcupineActivationLimitReachedError', 'WAKEWORD_ACTIVATION_REFUSED'],
    ['PorcupineActivationThrottledError', 'WAKEWORD_ACTIVATION_REFUSED'],
    ['PorcupineIOError', 'WAKEWORD_MODEL_MISSING'],
    ['PorcupineRuntimeError', 'WAKEWORD_ENGINE_FAILED'],
  ] as const)('maps %s thrown by the constructor to %s', async (name, code) => {
    const factory: PorcupineFactory = (key) => {
      throw new libraryErrors[name](`failed for key ${key}`);
    };
    const error = (await PorcupineWakeWord.create({ ...base, accessKey: WELL_FORMED, factory }).catch((e: unknown) => e)) as CodedError;
    expect(error.code).toBe(code);
    expect(error.message).not.toContain(WELL_FORMED);
  });

  it('a custom keyword file that does not exist is WAKEWORD_KEYWORD_INVALID', async () => {
    expect(await codeOf(PorcupineWakeWord.create({ ...base, keyword: '/nowhere/hey-robot.ppn', accessKey: WELL_FORMED }))).toBe('WAKEWORD_KEYWORD_INVALID');
  });

  it('does not mangle details when there is no key to mask', () => {
    expect(mapPorcupineError(new Error('boom'), '').message).toBe('porcupine Error: boom');
  });

  it('frames audio for the engine and reports each keyword once within the refractory period', async () => {
    const fired = new Set([3, 4, 200]);
    let frame = 0;
    const factory: PorcupineFactory = () => ({ frameLength: 512, sampleRate: 16000, process: () => (fired.has(++frame) ? 0 : -1), release: () => undefined });
    const engine = await PorcupineWakeWord.create({ ...base, accessKey: WELL_FORMED, factory });
    const found = [...(await engine.process(new Int16Array(1000))), ...(await engine.process(new Int16Array(512 * 250 - 1000)))];
    expect(found.map((d) => d.seconds)).toEqual([(3 * 512) / 16000, (200 * 512) / 16000]);
    expect(found.every((d) => d.keyword === 'jarvis' && d.score === 1)).toBe(true);
  });

  it('in the robot: a missing key is a start-up fault of the wake-word part only; speech and touch keep working', async () => {
    const config = VoiceConfig.parse({ enabled: true, audioIn: { adapter: 'none' }, wakeWord: { engine: 'porcupine' }, speech: { sink: { adapter: 'none' } } });
    const voice = await createVoice(config, { env: {}, log: createLogger('silent'), language: 'vi' });
    expect(voice.status().wakeWord).toEqual({ state: 'fault', adapter: 'porcupine', code: 'WAKEWORD_ACCESS_KEY_MISSING' });
    expect(voice.wakeWord).toBeNull();
    voice.runtime.readAloud('Thủ tục');
    voice.runtime.touch();
    expect(voice.runtime.state().phase).toBe('idle');
    await voice.close();
  });

  it('takes the key from the environment before the config file', async () => {
    const seen: string[] = [];
    const factory: PorcupineFactory = (key) => {
      seen.push(key);
      return { frameLength: 512, sampleRate: 16000, process: () => -1, release: () => undefined };
    };
    const config = VoiceConfig.parse({ enabled: true, audioIn: { adapter: 'none' }, wakeWord: { engine: 'porcupine', accessKey: 'fromfilefromfilefromfile==' }, speech: { sink: { adapter: 'none' } } });
    const voice = await createVoice(config, { env: { [PICOVOICE_KEY_ENV]: WELL_FORMED }, log: createLogger('silent'), language: 'vi', porcupineFactory: factory });
    expect(seen).toEqual([WELL_FORMED]);
    expect(voice.status().wakeWord.state).toBe('ok');
    await voice.close();
  });
});
