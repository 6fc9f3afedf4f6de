import { RobotConfig } from '../../../../src/controller/config/schema';
import { VoiceConfig } from '../../../../src/controller/config/voice-schema';

describe('VoiceConfig', () => {
  it('defaults to off, openWakeWord hey_jarvis at 0.5 with a 2 s refractory period, espeak-ng to ALSA', () => {
    expect(VoiceConfig.parse({})).toEqual({
      enabled: false,
      audioIn: { adapter: 'alsa', device: 'default' },
      wakeWord: { engine: 'openwakeword', model: 'hey_jarvis', threshold: 0.5, refractoryMs: 2000 },
      speech: { engine: 'espeak-ng', rate: 150, volume: 100, voices: {}, sink: { adapter: 'alsa', device: 'default' } },
      silenceTimeoutMs: 8000,
      echoTailMs: 400,
    });
  });

  it('takes a Porcupine engine with a built-in keyword or a .ppn file', () => {
    expect(VoiceConfig.parse({ wakeWord: { engine: 'porcupine', keyword: 'computer', sensitivity: 0.7 } }).wakeWord).toEqual({
      engine: 'porcupine', keyword: 'computer', sensitivity: 0.7, refractoryMs: 2000,
    });
    expect(VoiceConfig.parse({ wakeWord: { engine: 'porcupine', keyword: '/etc/lobby-robot/xin-chao.ppn' } }).wakeWord).toMatchObject({ keyword: '/etc/lobby-robot/xin-chao.ppn' });
  });

  it.each([
    [{ wakeWord: { engine: 'openwakeword', threshold: 0 } }, 'wakeWord.threshold'],
    [{ wakeWord: { engine: 'openwakeword', model: 'ok_robot' } }, 'wakeWord.model'],
    [{ wakeWord: { engine: 'porcupine', keyword: 'hello' } }, 'wakeWord.keyword'],
    [{ wakeWord: { engine: 'porcupine', sensitivity: 2 } }, 'wakeWord.sensitivity'],
    [{ audioIn: { adapter: 'alsa', device: 'hw:0; rm -rf /' } }, 'audioIn.device'],
    [{ speech: { rate: 1000 } }, 'speech.rate'],
    [{ speech: { voices: { fr: 'fr' } } }, 'speech.voices'],
    [{ silenceTimeoutMs: 10 }, 'silenceTimeoutMs'],
    [{ microphone: 'x' }, ''],
  ])('names the bad field of %j', (input, path) => {
    const r = VoiceConfig.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('is part of the robot config: absent means voice off, a bad field is named from the top', () => {
    expect(RobotConfig.parse({ profile: 'production', robotId: 'r1' }).voice).toEqual(VoiceConfig.parse({}));
    const r = RobotConfig.safeParse({ profile: 'production', robotId: 'r1', voice: { enabled: true, wakeWord: { engine: 'openwakeword', threshold: 3 } } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['voice.wakeWord.threshold']);
  });
});
