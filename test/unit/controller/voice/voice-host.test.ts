import { VoiceConfig } from '../../../../src/controller/config/voice-schema';
import { resolveVoice, soundCardListed, type VoiceHost } from '../../../../src/controller/devices/voice/voice-host';

const host = (espeak: boolean, card: boolean): VoiceHost => ({ espeakInstalled: () => espeak, hasSoundCard: () => card });
const auto = (over: Record<string, unknown> = {}) => VoiceConfig.parse({ enabled: 'auto', audioIn: { adapter: 'auto' }, speech: { sink: { adapter: 'auto' } }, ...over });

describe('voice on this machine (auto)', () => {
  it('espeak-ng and a sound card: speaks to the card, listens to the default microphone', () => {
    const { config, notes } = resolveVoice(auto(), '/data', host(true, true));
    expect(config).toMatchObject({ enabled: true, audioIn: { adapter: 'alsa', device: 'default' }, wakeWord: { engine: 'openwakeword' }, speech: { sink: { adapter: 'alsa', device: 'default' } } });
    expect(notes).toEqual(['voice on: espeak-ng is installed', 'speech to the sound card (alsa default)', 'wake word listens to the microphone (alsa default)']);
  });

  it('espeak-ng and no sound card: speaks to WAV files under the data dir, no microphone to open', () => {
    const { config } = resolveVoice(auto(), '/data', host(true, false));
    expect(config).toMatchObject({ enabled: true, audioIn: { adapter: 'none' }, wakeWord: { engine: 'none' }, speech: { sink: { adapter: 'file', dir: '/data/voice' } } });
  });

  it('a configured WAV is what the wake word listens to, card or not', () => {
    for (const card of [true, false]) {
      const { config } = resolveVoice(auto({ audioIn: { adapter: 'auto', path: '/tmp/hey.wav' } }), '/data', host(true, card));
      expect(config.audioIn).toEqual({ adapter: 'file', path: '/tmp/hey.wav', realtime: true });
    }
  });

  it('no espeak-ng: voice stays off; explicit settings are left as they are', () => {
    expect(resolveVoice(auto(), '/data', host(false, true)).config.enabled).toBe(false);
    const explicit = VoiceConfig.parse({ enabled: true, audioIn: { adapter: 'none' }, speech: { sink: { adapter: 'file', dir: '/x' } } });
    expect(resolveVoice(explicit, '/data', host(false, false))).toEqual({ config: explicit, notes: [] });
  });

  it('reads the kernel card list: a numbered card line, not the "no soundcards" notice', () => {
    expect(soundCardListed(' 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n                      HDA Intel PCH at 0xf7f10000 irq 33\n')).toBe(true);
    expect(soundCardListed('--- no soundcards ---\n')).toBe(false);
    expect(soundCardListed('')).toBe(false);
  });
});
