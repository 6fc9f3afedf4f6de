import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VoiceConfig } from '../../../../src/controller/config/voice-schema';
import { createVoice } from '../../../../src/controller/devices/voice/create-voice';
import { CHUNK_SAMPLES, FileAudioSource } from '../../../../src/controller/devices/voice/file-audio-source';
import { encodeWav } from '../../../../src/controller/devices/voice/wav';
import { createLogger } from '../../../../src/controller/log';

describe('file audio source', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-src-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('in real-time mode hands over one 80 ms chunk per 80 ms of (fake) time, then ends', async () => {
    const path = join(dir, 'a.wav');
    writeFileSync(path, encodeWav(Int16Array.from({ length: CHUNK_SAMPLES * 3 + 100 }, (_, i) => i % 1000)));
    const slept: number[] = [];
    const source = new FileAudioSource({ path, realtime: true, sleep: async (ms) => void slept.push(ms) });
    const chunks: number[] = [];
    let ended = 0;
    await source.start({ audio: (s) => chunks.push(s.length), end: () => ended++ });
    await source.finished();
    expect(chunks).toEqual([CHUNK_SAMPLES, CHUNK_SAMPLES, CHUNK_SAMPLES, 100]);
    expect(slept).toEqual([80, 80, 80, 80]);
    expect(ended).toBe(1);
    expect(source.status().state).toBe('ok');
  });

  it('a file that is not audio is a typed fault, not a crash', async () => {
    const path = join(dir, 'b.wav');
    writeFileSync(path, 'not audio');
    const source = new FileAudioSource({ path, realtime: false });
    await expect(source.start({ audio: () => undefined, end: () => undefined })).rejects.toMatchObject({ code: 'VOICE_AUDIO_FORMAT_UNSUPPORTED' });
    expect(source.status()).toMatchObject({ state: 'fault', code: 'VOICE_AUDIO_FORMAT_UNSUPPORTED' });
  });

  it('in the robot, a missing recording leaves the microphone part in fault and start() does not throw', async () => {
    const config = VoiceConfig.parse({ enabled: true, audioIn: { adapter: 'file', path: join(dir, 'none.wav') }, wakeWord: { engine: 'porcupine', accessKey: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY' }, speech: { sink: { adapter: 'none' } } });
    const porcupineFactory = () => ({ frameLength: 512, sampleRate: 16000, process: () => -1, release: () => undefined });
    const voice = await createVoice(config, { env: {}, log: createLogger('silent'), language: 'vi', porcupineFactory });
    await voice.start();
    expect(voice.status().microphone).toMatchObject({ state: 'fault', code: 'VOICE_AUDIO_FILE_UNREADABLE' });
    expect(voice.status().wakeWord.state).toBe('ok');
    await voice.close();
  });

  it('a configured espeak-ng voice that is not installed puts speech in fault; the robot stays up, silent', async () => {
    const config = VoiceConfig.parse({ enabled: true, audioIn: { adapter: 'none' }, wakeWord: { engine: 'none' }, speech: { voices: { vi: 'no-such-voice' }, sink: { adapter: 'file', dir } } });
    const voice = await createVoice(config, { env: {}, log: createLogger('silent'), language: 'vi' });
    expect(voice.status().speech).toEqual({ state: 'fault', adapter: 'espeak-ng', code: 'VOICE_LANGUAGE_UNSUPPORTED' });
    await expect(voice.speech.say('xin chào', 'vi')).resolves.toBe('done');
    await voice.close();
  });
});
