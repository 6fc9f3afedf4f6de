/**
 * What `auto` in the voice config becomes on this machine: voice on when espeak-ng is installed,
 * the loudspeaker when the kernel lists a sound card (else each utterance a WAV file under the
 * data dir), the wake word on a configured WAV or else the default microphone when there is a card
 * to record from. Resolved once at start; doctor prints the same resolution. A machine without a
 * sound card (a CI runner, a server) starts and speaks to files: nothing here can fail a start.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { VoiceConfig } from '../../config/voice-schema';

export interface VoiceHost {
  espeakInstalled(): boolean;
  hasSoundCard(): boolean;
}

/** /proc/asound/cards lists one " N [id  ]: …" line per card ("--- no soundcards ---" or no file without). */
export function soundCardListed(cards: string): boolean {
  return /^\s*\d+\s+\[/m.test(cards);
}

export function systemVoiceHost(env: NodeJS.ProcessEnv = process.env): VoiceHost {
  return {
    espeakInstalled: () =>
      (env.PATH ?? '').split(delimiter).some((dir) => {
        try {
          accessSync(join(dir, 'espeak-ng'), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
    hasSoundCard: () => {
      try {
        return soundCardListed(readFileSync('/proc/asound/cards', 'utf8'));
      } catch {
        return false;
      }
    },
  };
}

export interface ResolvedVoice {
  config: VoiceConfig & { enabled: boolean };
  /** What each `auto` became and why, for the start-up log and doctor. */
  notes: string[];
}

export function resolveVoice(config: VoiceConfig, dataDir: string, host: VoiceHost): ResolvedVoice {
  const notes: string[] = [];
  let enabled = config.enabled === true;
  if (config.enabled === 'auto') {
    enabled = host.espeakInstalled();
    notes.push(enabled ? 'voice on: espeak-ng is installed' : 'voice off: espeak-ng is not installed');
  }
  const card = config.speech.sink.adapter === 'auto' || config.audioIn.adapter === 'auto' ? host.hasSoundCard() : false;
  let sink = config.speech.sink;
  if (sink.adapter === 'auto') {
    const { device } = sink;
    const dir = sink.dir ?? join(dataDir, 'voice');
    sink = card ? { adapter: 'alsa', device } : { adapter: 'file', dir };
    notes.push(card ? `speech to the sound card (alsa ${device})` : `no sound card: speech to WAV files in ${dir}`);
  }
  let audioIn = config.audioIn;
  if (audioIn.adapter === 'auto') {
    audioIn = audioIn.path ? { adapter: 'file', path: audioIn.path, realtime: true } : card ? { adapter: 'alsa', device: audioIn.device } : { adapter: 'none' };
    notes.push(audioIn.adapter === 'file' ? `wake word listens to ${audioIn.path}` : audioIn.adapter === 'alsa' ? `wake word listens to the microphone (alsa ${audioIn.device})` : 'no sound card and no WAV configured: no wake word');
  }
  // nothing to listen to: the engine is not loaded (its models cost half a second and memory for nothing)
  const wakeWord = config.audioIn.adapter === 'auto' && audioIn.adapter === 'none' ? { engine: 'none' as const } : config.wakeWord;
  return { config: { ...config, enabled, audioIn, wakeWord, speech: { ...config.speech, sink } }, notes };
}
