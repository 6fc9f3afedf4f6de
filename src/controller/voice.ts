/**
 * Voice as the controller sees it (issue 8): builds the voice part from config, turns its session
 * into motion cues (light and head "listening", back to "idle") and UI events, and answers the
 * touchscreen's voice commands. Voice never blocks touch: every part that cannot start is reported
 * in health with its code and the rest of the robot runs on.
 */
import { CodedError, type EventData, type Language, type PartStatus } from '../contract';
import type { VoiceCue } from '../core/voice-session';
import type { Handlers } from './api/dispatcher';
import type { RobotConfig } from './config/schema';
import { createVoice, type Voice, type VoiceDeps } from './devices/voice/create-voice';
import { espeakCanRead } from './devices/voice/espeak';
import type { MotionPort } from './devices/motion/port';
import { resolveVoice, systemVoiceHost, type VoiceHost } from './devices/voice/voice-host';
import type { Logger } from './log';

export interface VoiceWiring {
  readonly voice: Voice;
  /** HealthReport.devices entries: microphone, wakeWord, speaker. */
  health(): Record<string, PartStatus>;
  /** voice.say, voice.stop and voice.session of the UI API. */
  handlers: Pick<Handlers, 'voice.say' | 'voice.stop' | 'voice.session'>;
  close(): Promise<void>;
}

export interface VoiceWiringDeps {
  log: Logger;
  motion: MotionPort;
  onState: (e: EventData<'voice.state'>) => void;
  onWake: (e: EventData<'voice.wake'>) => void;
  /** A voice part failed while running: health changed. */
  onHealth?: () => void;
  /** Microphone level and wake-word score ~10 times a second while the microphone runs (service audio panel). */
  onAudioSample?: VoiceDeps['onAudioSample'];
  /** Tests: a fake clock, a held loudspeaker, no ticker, a paced file source. */
  overrides?: Partial<Pick<VoiceDeps, 'now' | 'sink' | 'tickIntervalMs' | 'porcupineFactory' | 'onSay' | 'fileSourceSleep'>>;
  env?: NodeJS.ProcessEnv;
  /** Whether espeak-ng and a sound card are there (tests stand in for the machine); the real machine by default. */
  host?: VoiceHost;
}

/** The listening cue on the head and light, when a board is there; a board fault never reaches voice. */
function cueMotion(motion: MotionPort, cue: VoiceCue, log: Logger): void {
  if (motion.adapter === 'none') return;
  motion.runBehaviour(cue === 'listening' ? 'listening' : 'idle').catch((e: unknown) => {
    log.debug({ cue, code: e instanceof CodedError ? e.code : undefined }, 'voice cue not shown on the board');
  });
}

export async function startVoice(config: Pick<RobotConfig, 'voice' | 'defaultLanguage'> & { dataDir?: string }, deps: VoiceWiringDeps): Promise<VoiceWiring> {
  const { log } = deps;
  let sessionLanguage: Language | null = null;
  const resolved = resolveVoice(config.voice, config.dataDir ?? '.', deps.host ?? systemVoiceHost(deps.env ?? process.env));
  if (resolved.notes.length) log.info({ voice: resolved.notes }, 'voice devices chosen for this machine');
  const voice = await createVoice(resolved.config, {
    env: deps.env ?? process.env,
    log,
    language: config.defaultLanguage,
    ...deps.overrides,
    onCue: (cue) => cueMotion(deps.motion, cue, log),
    onFault: deps.onHealth,
    onAudioSample: deps.onAudioSample,
    onShowOptions: () => deps.onWake({ language: voice.runtime.state().language }),
    onState: (s) => {
      deps.onState({ phase: s.phase, speaking: s.speaking !== null, language: s.language });
      // a conversation that ended without a citizen at the screen leaves the robot in its default language
      if (s.phase === 'idle' && s.speaking === null && sessionLanguage === null && s.language !== config.defaultLanguage) {
        voice.runtime.setLanguage(config.defaultLanguage);
      }
    },
  });
  await voice.start();
  const parts = voice.status();
  log.info({ microphone: parts.microphone.state, wakeWord: parts.wakeWord.state, speaker: parts.speech.state }, 'voice started');

  return {
    voice,
    health: () => {
      const s = voice.status();
      return { microphone: s.microphone, wakeWord: s.wakeWord, speaker: s.speech };
    },
    handlers: {
      'voice.say': ({ text, language }) => {
        if (voice.speech.status().state === 'disabled') throw new CodedError('VOICE_DISABLED', 'no loudspeaker is configured');
        if (!espeakCanRead(text, language)) throw new CodedError('VOICE_TEXT_UNREADABLE', `espeak-ng cannot read this ${language} text`);
        voice.runtime.setLanguage(language);
        voice.runtime.readAloud(text);
        return { started: true };
      },
      'voice.stop': () => {
        const state = voice.runtime.state();
        const wasActive = state.phase !== 'idle' || state.speaking !== null;
        voice.runtime.touch();
        return { stopped: wasActive };
      },
      'voice.session': ({ language }) => {
        sessionLanguage = language;
        voice.runtime.setLanguage(language ?? config.defaultLanguage);
        return {};
      },
    },
    close: () => voice.close(),
  };
}
