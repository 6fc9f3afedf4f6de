import {
  initialVoiceSession,
  stepVoiceSession,
  WELCOME_SEQUENCE,
  type VoiceEffect,
  type VoiceEvent,
  type VoiceSessionState,
} from '../../../src/core/voice-session';

const options = { silenceTimeoutMs: 8000 };

/** Runs events in order; returns the final state and every effect, in order. */
function run(events: VoiceEvent[], from: VoiceSessionState = initialVoiceSession('vi')) {
  const effects: VoiceEffect[] = [];
  let state = from;
  for (const e of events) {
    const step = stepVoiceSession(state, e, options);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

describe('voice session (pure, time passed in)', () => {
  it('wake: listening cue, options on screen, welcome sequence in the session language', () => {
    const { state, effects } = run([{ type: 'wake', at: 0, keyword: 'hey_jarvis' }]);
    expect(effects).toEqual([
      { type: 'cue', cue: 'listening' },
      { type: 'showOptions' },
      { type: 'say', utteranceId: 1, language: 'vi', parts: WELCOME_SEQUENCE.map((prompt) => ({ prompt })) },
    ]);
    expect(state).toMatchObject({ phase: 'greeting', speaking: 1 });
  });

  it('silence after the options ends the session exactly at the timeout, with a goodbye then the idle cue', () => {
    const woke = run([{ type: 'wake', at: 0, keyword: 'k' }, { type: 'speechEnded', at: 5000, utteranceId: 1 }]);
    expect(woke.state).toMatchObject({ phase: 'attentive', attentiveUntil: 13000 });
    const early = run([{ type: 'tick', at: 12999 }], woke.state);
    expect(early).toEqual({ state: woke.state, effects: [] });
    const late = run([{ type: 'tick', at: 13000 }], woke.state);
    expect(late.effects).toEqual([{ type: 'say', utteranceId: 2, language: 'vi', parts: [{ prompt: 'goodbye' }] }]);
    const done = run([{ type: 'speechEnded', at: 14000, utteranceId: 2 }], late.state);
    expect(done.effects).toEqual([{ type: 'cue', cue: 'idle' }]);
    expect(done.state).toMatchObject({ phase: 'idle', speaking: null, attentiveUntil: null });
  });

  it('a touch stops the speech, drops the cue and cancels the silence timer; voice never blocks touch', () => {
    const { state, effects } = run([{ type: 'wake', at: 0, keyword: 'k' }, { type: 'touch', at: 100 }]);
    expect(effects.slice(3)).toEqual([{ type: 'stopSpeaking', utteranceId: 1 }, { type: 'cue', cue: 'idle' }]);
    expect(state).toMatchObject({ phase: 'idle', speaking: null });
    // the late "ended" of the stopped greeting changes nothing, and no goodbye comes later
    expect(run([{ type: 'speechEnded', at: 200, utteranceId: 1 }, { type: 'tick', at: 60000 }], state).effects).toEqual([]);
  });

  it('a touch while idle does nothing audible', () => {
    expect(run([{ type: 'touch', at: 0 }]).effects).toEqual([]);
  });

  it('ignores a wake while it is speaking (its own echo)', () => {
    const speaking = run([{ type: 'wake', at: 0, keyword: 'k' }]).state;
    expect(run([{ type: 'wake', at: 10, keyword: 'k' }], speaking)).toEqual({ state: speaking, effects: [] });
  });

  it('a wake while attentive answers "I\'m listening" and starts the silence timer again after it', () => {
    const attentive = run([{ type: 'wake', at: 0, keyword: 'k' }, { type: 'speechEnded', at: 1000, utteranceId: 1 }]).state;
    const again = run([{ type: 'wake', at: 5000, keyword: 'k' }, { type: 'speechEnded', at: 6000, utteranceId: 2 }], attentive);
    expect(again.effects).toEqual([{ type: 'say', utteranceId: 2, language: 'vi', parts: [{ prompt: 'listening' }] }]);
    expect(again.state).toMatchObject({ phase: 'attentive', attentiveUntil: 14000 });
  });

  it('read aloud from a procedure screen: speaks the text, interrupts what was being said, returns to idle when started from idle', () => {
    const fromIdle = run([{ type: 'readAloud', at: 0, text: 'Thủ tục khai sinh' }, { type: 'speechEnded', at: 3000, utteranceId: 1 }]);
    expect(fromIdle.effects).toEqual([{ type: 'say', utteranceId: 1, language: 'vi', parts: [{ text: 'Thủ tục khai sinh' }] }]);
    expect(fromIdle.state.phase).toBe('idle');

    const duringGreeting = run([{ type: 'wake', at: 0, keyword: 'k' }, { type: 'readAloud', at: 500, text: 'x' }, { type: 'speechEnded', at: 900, utteranceId: 2 }]);
    expect(duringGreeting.effects.slice(3)).toEqual([{ type: 'stopSpeaking', utteranceId: 1 }, { type: 'say', utteranceId: 2, language: 'vi', parts: [{ text: 'x' }] }]);
    expect(duringGreeting.state).toMatchObject({ phase: 'attentive', attentiveUntil: 8900 });
  });

  it('speaks the language chosen on the screen from the next utterance on', () => {
    const { effects } = run([{ type: 'languageChanged', at: 0, language: 'ja' }, { type: 'wake', at: 1, keyword: 'k' }]);
    expect(effects[2]).toMatchObject({ type: 'say', language: 'ja' });
  });
});
