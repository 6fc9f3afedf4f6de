/**
 * The voice conversation of one citizen, as a pure state machine: events in (wake word heard,
 * speech finished, screen touched, "read aloud" pressed, clock tick), effects out (light/head cue,
 * show the options, say prompts, stop speaking). No clock and no I/O: time (ms) comes with each event.
 *
 * The sequence: idle --wake--> greeting (cue "listening", options shown, greeting + options read
 * aloud) --speech ended--> attentive --silence for silenceTimeoutMs--> farewell (goodbye)
 * --speech ended--> idle (cue "idle"). A touch always wins: it stops any speech and hands the
 * citizen to the screen; voice never blocks touch.
 */
import type { Language } from '../contract';

export const VOICE_PROMPT_KEYS = [
  'greeting',
  'listening',
  'optionsIntro',
  'options.takeTicket',
  'options.checkIn',
  'options.lookupDossier',
  'options.procedures',
  'touchToChoose',
  'goodbye',
] as const;
export type VoicePromptKey = (typeof VOICE_PROMPT_KEYS)[number];

/** What is read aloud while the screen shows the options after a wake word. */
export const WELCOME_SEQUENCE: readonly VoicePromptKey[] = [
  'greeting',
  'optionsIntro',
  'options.takeTicket',
  'options.checkIn',
  'options.lookupDossier',
  'options.procedures',
  'touchToChoose',
];

export type UtterancePart = { prompt: VoicePromptKey } | { text: string };

export type VoicePhase = 'idle' | 'greeting' | 'attentive' | 'reading' | 'farewell';

export interface VoiceSessionState {
  phase: VoicePhase;
  language: Language;
  /** Id of the utterance being spoken, or null when silent. */
  speaking: number | null;
  /** Last id handed out; ids only grow so a late "ended" of an old utterance is recognised. */
  lastUtteranceId: number;
  /** In `attentive`: when silence ends the session (ms). */
  attentiveUntil: number | null;
  /** In `reading`: where to go when the reading ends. */
  afterReading: 'idle' | 'attentive';
}

export type VoiceEvent =
  | { type: 'wake'; at: number; keyword: string }
  | { type: 'speechEnded'; at: number; utteranceId: number }
  | { type: 'touch'; at: number }
  | { type: 'readAloud'; at: number; text: string }
  | { type: 'languageChanged'; at: number; language: Language }
  | { type: 'tick'; at: number };

export type VoiceCue = 'listening' | 'idle';

export type VoiceEffect =
  | { type: 'cue'; cue: VoiceCue }
  | { type: 'showOptions' }
  | { type: 'say'; utteranceId: number; language: Language; parts: UtterancePart[] }
  | { type: 'stopSpeaking'; utteranceId: number };

export interface VoiceSessionOptions {
  /** Silence after the last prompt before the session ends (ms). */
  silenceTimeoutMs: number;
}

export interface VoiceStep {
  state: VoiceSessionState;
  effects: VoiceEffect[];
}

export function initialVoiceSession(language: Language): VoiceSessionState {
  return { phase: 'idle', language, speaking: null, lastUtteranceId: 0, attentiveUntil: null, afterReading: 'idle' };
}

function say(state: VoiceSessionState, parts: UtterancePart[]): { state: VoiceSessionState; effect: VoiceEffect } {
  const utteranceId = state.lastUtteranceId + 1;
  return {
    state: { ...state, speaking: utteranceId, lastUtteranceId: utteranceId, attentiveUntil: null },
    effect: { type: 'say', utteranceId, language: state.language, parts },
  };
}

function stopIfSpeaking(state: VoiceSessionState): VoiceEffect[] {
  return state.speaking === null ? [] : [{ type: 'stopSpeaking', utteranceId: state.speaking }];
}

export function stepVoiceSession(state: VoiceSessionState, event: VoiceEvent, options: VoiceSessionOptions): VoiceStep {
  switch (event.type) {
    case 'wake': {
      if (state.phase === 'idle') {
        const s = say({ ...state, phase: 'greeting' }, WELCOME_SEQUENCE.map((prompt) => ({ prompt })));
        return { state: s.state, effects: [{ type: 'cue', cue: 'listening' }, { type: 'showOptions' }, s.effect] };
      }
      if (state.phase === 'attentive') {
        // called again while the options are up: acknowledge, then keep listening
        const s = say({ ...state, phase: 'greeting' }, [{ prompt: 'listening' }]);
        return { state: s.state, effects: [s.effect] };
      }
      // already speaking: the microphone is gated anyway; a wake now is the robot's own echo
      return { state, effects: [] };
    }
    case 'speechEnded': {
      if (event.utteranceId !== state.speaking) return { state, effects: [] };
      const silent = { ...state, speaking: null };
      const attentive: VoiceSessionState = { ...silent, phase: 'attentive', attentiveUntil: event.at + options.silenceTimeoutMs };
      if (state.phase === 'greeting') return { state: attentive, effects: [] };
      if (state.phase === 'reading' && state.afterReading === 'attentive') return { state: attentive, effects: [] };
      if (state.phase === 'farewell') return { state: { ...silent, phase: 'idle' }, effects: [{ type: 'cue', cue: 'idle' }] };
      return { state: { ...silent, phase: 'idle', attentiveUntil: null }, effects: [] };
    }
    case 'tick': {
      if (state.phase !== 'attentive' || state.attentiveUntil === null || event.at < state.attentiveUntil) return { state, effects: [] };
      const s = say({ ...state, phase: 'farewell' }, [{ prompt: 'goodbye' }]);
      return { state: s.state, effects: [s.effect] };
    }
    case 'touch': {
      // the citizen took over on the screen: stop talking, drop the listening cue, no timers
      const effects: VoiceEffect[] = [...stopIfSpeaking(state)];
      if (state.phase !== 'idle') effects.push({ type: 'cue', cue: 'idle' });
      return { state: { ...state, phase: 'idle', speaking: null, attentiveUntil: null }, effects };
    }
    case 'readAloud': {
      const effects = stopIfSpeaking(state);
      const afterReading = state.phase === 'idle' ? 'idle' : 'attentive';
      const s = say({ ...state, phase: 'reading', afterReading }, [{ text: event.text }]);
      return { state: s.state, effects: [...effects, s.effect] };
    }
    case 'languageChanged':
      return { state: { ...state, language: event.language }, effects: [] };
  }
}
