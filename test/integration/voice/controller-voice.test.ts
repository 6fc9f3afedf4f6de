/**
 * @jest-environment ./test/support/onnx-environment.js
 */
/**
 * Voice wired into the controller: the session's cues move the head and light (a recording motion
 * port stands for the board), the touchscreen gets `voice.wake` / `voice.state` and can make the
 * robot read aloud (`voice.say`), stop (`voice.stop`) and answer in its language (`voice.session`);
 * health lists microphone, wake word and speaker. A Porcupine engine with a missing or bad AccessKey
 * (the real @picovoice/porcupine-node, offline) is a coded fault in health, not a failed start.
 */
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type WebSocket from 'ws';
import { CodedError } from '../../../src/contract/error-codes';
import type { BehaviourName } from '../../../src/contract/motion';
import { loadConfig } from '../../../src/controller/config/load';
import { VoiceConfig, type VoiceConfigInput } from '../../../src/controller/config/voice-schema';
import type { MotionPort } from '../../../src/controller/devices/motion/port';
import type { FileAudioSource } from '../../../src/controller/devices/voice/file-audio-source';
import { loadPromptBook } from '../../../src/controller/devices/voice/prompts';
import type { AudioSink } from '../../../src/controller/devices/voice/speech-port';
import { bytesToInt16, parseWav } from '../../../src/controller/devices/voice/wav';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { startVoice } from '../../../src/controller/voice';
import { tempDir } from '../../support/robot-process';
import { cachedAudio, rmsOf, speak } from '../../support/voice-audio';
import { openApi, request } from '../../support/ws-client';

/** Records the behaviours asked of the board; `adapter` 'none' behaves like a robot without one. */
class RecordingMotion extends EventEmitter {
  readonly behaviours: BehaviourName[] = [];
  constructor(readonly adapter: string) {
    super();
  }
  runBehaviour(name: BehaviourName): Promise<void> {
    this.behaviours.push(name);
    return Promise.resolve();
  }
}

/** A loudspeaker whose utterances end when the test says so (or when stopped). */
class HeldSink implements AudioSink {
  readonly name = 'held';
  readonly stopped: boolean[] = [];
  private finishers: Array<() => void> = [];
  play(_wav: Buffer, signal: AbortSignal): Promise<void> {
    const i = this.stopped.push(false) - 1;
    return new Promise((resolve) => {
      this.finishers.push(resolve);
      signal.addEventListener('abort', () => {
        this.stopped[i] = true;
        resolve();
      });
    });
  }
  finishAll(): void {
    for (const f of this.finishers.splice(0)) f();
  }
}

const prompts = loadPromptBook();
let clip: string;

beforeAll(async () => {
  // 2 s of silence first: in real time the test's socket is open before the robot hears it
  clip = await cachedAudio({ text: 'hey jarvis', voice: 'en-gb', wpm: 160, pad: 2 }, (out) => speak(out, 'hey jarvis', 'en-gb', 160, 2));
}, 30000);

async function waitFor(check: () => boolean, what: string, ms = 15000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('startVoice: session cues and events, fake clock', () => {
  async function build(motionAdapter: string, voice: VoiceConfigInput = {}) {
    let now = 5_000_000;
    const motion = new RecordingMotion(motionAdapter);
    const sink = new HeldSink();
    const states: string[] = [];
    const wakes: string[] = [];
    const said: string[] = [];
    const config = {
      defaultLanguage: 'vi' as const,
      voice: VoiceConfig.parse({ enabled: true, audioIn: { adapter: 'file', path: clip, realtime: false }, silenceTimeoutMs: 5000, ...voice }),
    };
    const wiring = await startVoice(config, {
      log: createLogger('silent'),
      motion: motion as unknown as MotionPort,
      onState: (s) => states.push(`${s.phase}${s.speaking ? ' speaking' : ''} ${s.language}`),
      onWake: (w) => wakes.push(w.language),
      overrides: { now: () => now, sink, tickIntervalMs: 0, onSay: (text, language) => said.push(`${language}: ${text}`) },
      env: {},
    });
    return { wiring, motion, sink, states, wakes, said, advance: (ms: number) => (now += ms) };
  }

  it('wake → listening cue on the board and voice.wake → silence → goodbye → idle cue', async () => {
    const t = await build('simulator /dev/pts/9');
    await (t.wiring.voice.audioIn as FileAudioSource).finished();
    await t.wiring.voice.runtime.audioDrained();
    expect(t.motion.behaviours).toEqual(['listening']);
    expect(t.wakes).toEqual(['vi']);
    expect(t.states).toEqual(['greeting speaking vi']);

    await waitFor(() => t.sink.stopped.length === 1, 'the greeting to play');
    t.sink.finishAll();
    await t.wiring.voice.runtime.settled();
    t.advance(5000);
    t.wiring.voice.runtime.tick();
    await waitFor(() => t.sink.stopped.length === 2, 'the goodbye to play');
    t.sink.finishAll();
    await t.wiring.voice.runtime.settled();
    expect(t.said[1]).toBe(`vi: ${prompts.vi.goodbye}`);
    expect(t.states).toEqual(['greeting speaking vi', 'attentive vi', 'farewell speaking vi', 'idle vi']);
    expect(t.motion.behaviours).toEqual(['listening', 'idle']);
    await t.wiring.close();
  }, 30000);

  it('answers in the screen session language, reads aloud, stops on touch; no board means no cue', async () => {
    const t = await build('none', { audioIn: { adapter: 'none' } });
    const h = t.wiring.handlers;
    await h['voice.session']({ language: 'ja' });
    await h['voice.say']({ text: 'テスト', language: 'ko' });
    expect(t.said).toEqual(['ko: テスト']);
    await waitFor(() => t.sink.stopped.length === 1, 'the reading to play');
    expect(await h['voice.stop']({})).toEqual({ stopped: true });
    await t.wiring.voice.runtime.settled();
    expect(t.sink.stopped).toEqual([true]);
    expect(await h['voice.stop']({})).toEqual({ stopped: false });
    // the session ended on the screen: a later conversation starts in the default language
    await h['voice.session']({ language: null });
    expect(t.wiring.voice.runtime.state().language).toBe('vi');
    expect(t.motion.behaviours).toEqual([]);
    expect(t.wiring.health()).toMatchObject({ microphone: { state: 'disabled' }, wakeWord: { state: 'ok' }, speaker: { state: 'ok' } });
    await t.wiring.close();
  }, 30000);
});

describe('startVoice: a loudspeaker that fails while running', () => {
  it('is reported at once (onHealth, which the controller broadcasts as status.changed) with its code, and the conversation still ends', async () => {
    let healthChanges = 0;
    const failing: AudioSink = { name: 'broken', play: () => Promise.reject(new CodedError('VOICE_PLAYBACK_FAILED', 'aplay exited with 1')) };
    const wiring = await startVoice(
      { defaultLanguage: 'vi', voice: VoiceConfig.parse({ enabled: true, audioIn: { adapter: 'none' } }) },
      { log: createLogger('silent'), motion: new RecordingMotion('none') as unknown as MotionPort, onState: () => undefined, onWake: () => undefined, onHealth: () => healthChanges++, overrides: { sink: failing, tickIntervalMs: 0 }, env: {} },
    );
    await wiring.handlers['voice.say']({ text: 'xin chào', language: 'vi' });
    await wiring.voice.runtime.settled();
    expect(healthChanges).toBe(1);
    expect(wiring.health().speaker).toEqual({ state: 'fault', adapter: 'espeak-ng → broken', code: 'VOICE_PLAYBACK_FAILED' });
    expect(wiring.voice.runtime.state()).toMatchObject({ phase: 'idle', speaking: null });
    await wiring.close();
  }, 30000);
});

describe('controller with voice over the UI API', () => {
  function configWith(voice: VoiceConfigInput) {
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: tempDir() } });
    return {
      ...loaded,
      config: { ...loaded.config, motion: { adapter: 'none' as const }, printer: { adapter: 'none' as const }, voice: VoiceConfig.parse(voice) },
    };
  }

  async function connect(c: Controller): Promise<{ ws: WebSocket; events: Array<{ event: string; data: Record<string, unknown> }> }> {
    const { ws } = await openApi(c.url, { token: c.token });
    const events: Array<{ event: string; data: Record<string, unknown> }> = [];
    ws!.on('message', (d) => {
      const m = JSON.parse(d.toString());
      if (m.event?.startsWith('voice.')) events.push({ event: m.event, data: m.data });
    });
    return { ws: ws!, events };
  }

  it('woken by the microphone, it tells the screen, greets, waits, says goodbye; reads aloud on request', async () => {
    const sinkDir = tempDir('voice-sink-');
    const { config, catalog } = configWith({
      enabled: true,
      audioIn: { adapter: 'file', path: clip, realtime: true },
      speech: { sink: { adapter: 'file', dir: sinkDir } },
      silenceTimeoutMs: 1000,
    });
    const c = await startController({ config, catalog, log: createLogger('silent'), uiDir: tempDir() });
    try {
      const { ws, events } = await connect(c);
      const health = await request(ws, { v: 1, id: 'h', type: 'status.get', payload: {} }, 'h');
      expect((health.result as { devices: unknown }).devices).toMatchObject({
        microphone: { state: 'ok', adapter: expect.stringContaining('file') },
        wakeWord: { state: 'ok', adapter: 'openwakeword hey_jarvis' },
        speaker: { state: 'ok', adapter: expect.stringContaining('espeak-ng') },
      });
      await waitFor(() => events.some((e) => e.event === 'voice.state' && e.data.phase === 'idle'), 'the conversation to end');
      expect(events.map((e) => (e.event === 'voice.wake' ? `wake ${e.data.language}` : `${e.data.phase}${e.data.speaking ? ' speaking' : ''}`))).toEqual([
        'wake vi',
        'greeting speaking',
        'attentive',
        'farewell speaking',
        'idle',
      ]);
      expect(readdirSync(sinkDir)).toHaveLength(2); // greeting with the options, goodbye

      const said = await request(ws, { v: 1, id: 's', type: 'voice.say', payload: { text: 'Please bring your identity card.', language: 'en' } }, 's');
      expect(said).toMatchObject({ ok: true, result: { started: true } });
      // the sink shows a .wav only once it is whole (written under another name, then renamed)
      const wavs = () => readdirSync(sinkDir).filter((f) => f.endsWith('.wav')).sort();
      await waitFor(() => wavs().length === 3, 'the reading to be written');
      const file = readFileSync(join(sinkDir, wavs()[2]!));
      expect(wavComplete(file)).toBe(true);
      const reading = bytesToInt16(parseWav(file).data);
      expect(reading.length / 22050).toBeGreaterThan(1);
      expect(rmsOf(reading)).toBeGreaterThan(0.01);

      // espeak-ng's Japanese voice reads kana only: kanji would come out as "Chinese letter" in English
      const kanji = await request(ws, { v: 1, id: 'j', type: 'voice.say', payload: { text: '出生届', language: 'ja' } }, 'j');
      expect(kanji).toMatchObject({ ok: false, error: { code: 'VOICE_TEXT_UNREADABLE' } });
      const kana = await request(ws, { v: 1, id: 'k', type: 'voice.say', payload: { text: 'しゅっしょうとどけ', language: 'ja' } }, 'k');
      expect(kana).toMatchObject({ ok: true });
      const bad = await request(ws, { v: 1, id: 'b', type: 'voice.say', payload: { text: 'a\u0007b', language: 'en' } }, 'b');
      expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
      const long = await request(ws, { v: 1, id: 'l', type: 'voice.say', payload: { text: 'x'.repeat(4001), language: 'en' } }, 'l');
      expect(long).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
      ws.close();
    } finally {
      await c.close();
    }
  }, 60000);

  it('voice off (the default): health says disabled and voice.say is refused with VOICE_DISABLED', async () => {
    const { config, catalog } = configWith({});
    const c = await startController({ config, catalog, log: createLogger('silent'), uiDir: tempDir() });
    try {
      const { ws } = await connect(c);
      expect(c.health().devices).toMatchObject({ microphone: { state: 'disabled' }, wakeWord: { state: 'disabled' }, speaker: { state: 'disabled' } });
      const said = await request(ws, { v: 1, id: 's', type: 'voice.say', payload: { text: 'hello', language: 'en' } }, 's');
      expect(said).toMatchObject({ ok: false, error: { code: 'VOICE_DISABLED' } });
      expect(await request(ws, { v: 1, id: 't', type: 'voice.stop', payload: {} }, 't')).toMatchObject({ ok: true, result: { stopped: false } });
      ws.close();
    } finally {
      await c.close();
    }
  }, 30000);

  it.each([
    ['no AccessKey', undefined, 'WAKEWORD_ACCESS_KEY_MISSING'],
    ['a key the real Porcupine library refuses', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm8=', 'WAKEWORD_ACCESS_KEY_INVALID'],
  ])('Porcupine with %s: the robot starts, health names the engine fault, the key stays out of logs', async (_label, accessKey, code) => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const { config, catalog } = configWith({ enabled: true, audioIn: { adapter: 'none' }, wakeWord: { engine: 'porcupine', accessKey }, speech: { sink: { adapter: 'none' } } });
    const c = await startController({ config, catalog, log, uiDir: tempDir() });
    try {
      expect(c.health().devices.wakeWord).toEqual({ state: 'fault', adapter: 'porcupine', code });
      expect(lines.join('')).toContain(code);
      if (accessKey) expect(lines.join('')).not.toContain(accessKey);
      const { ws, status } = await openApi(c.url, { token: c.token });
      expect(status).toBeUndefined(); // the socket opened: the robot is serving
      ws?.close();
    } finally {
      await c.close();
    }
  }, 30000);
});

/** A WAV file written to its end: RIFF's size field is the file's length less 8. */
function wavComplete(buf: Buffer): boolean {
  return buf.length >= 12 && buf.toString('ascii', 0, 4) === 'RIFF' && buf.readUInt32LE(4) + 8 === buf.length;
}
