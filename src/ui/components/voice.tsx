import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_SPOKEN_TEXT, type ErrorCode, type HealthReport, type Language, type Procedure } from '../../contract';
import { ApiCallError, type ApiClient, type ConnectionState } from '../api-client';

export interface VoiceOptions {
  connection: ConnectionState;
  language: Language;
  inSession: boolean;
  /** The robot heard its wake word: start a session on the options it is reading out. */
  onWake: (language: Language) => void;
}

const speakerReadyIn = (h: HealthReport) => h.devices.speaker?.state === 'ok';

/**
 * The touchscreen's side of voice (issue 8): tells the controller the session's language, stops the
 * robot speaking on any touch (touch always wins over voice), starts a session when the robot is
 * woken, and says whether a loudspeaker works (no "read aloud" button without one).
 */
export function useVoice(api: ApiClient, { connection, language, inSession, onWake }: VoiceOptions): { speakerReady: boolean; speaking: boolean } {
  const [speakerReady, setSpeakerReady] = useState(false);
  const [speaking, setSpeaking] = useState(false);
  const active = useRef(false);
  const wake = useRef(onWake);
  wake.current = onWake;

  useEffect(() => {
    const offs = [
      api.on('status.changed', (h) => setSpeakerReady(speakerReadyIn(h))),
      api.on('voice.state', (s) => {
        active.current = s.speaking || s.phase !== 'idle';
        setSpeaking(s.speaking);
      }),
      api.on('voice.wake', (w) => wake.current(w.language)),
    ];
    const onTouch = () => {
      if (active.current) api.call('voice.stop', {}).catch(() => undefined);
    };
    window.addEventListener('pointerdown', onTouch, true);
    return () => {
      offs.forEach((off) => off());
      window.removeEventListener('pointerdown', onTouch, true);
    };
  }, [api]);

  useEffect(() => {
    if (connection !== 'open') return;
    api.call('status.get', {}).then((h) => setSpeakerReady(speakerReadyIn(h)), () => setSpeakerReady(false));
  }, [api, connection]);

  useEffect(() => {
    if (connection !== 'open') return;
    api.call('voice.session', { language: inSession ? language : null }).catch(() => undefined);
  }, [api, connection, inSession, language]);

  return { speakerReady, speaking };
}

/** What "read aloud" says on a procedure screen: its name, summary, papers to bring and processing time. */
export function procedureSpeech(t: TFunction, p: Procedure, language: Language): string {
  const papers = p.documents.map((d) => d.name[language]).join('; ');
  const text = [p.name[language], p.summary[language], `${t('guide.documents')}: ${papers}`, `${t('guide.time')}: ${p.processingTime.text[language]}`].join('.\n');
  // the controller refuses control characters and overlong texts: speak a clean, bounded text
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ').slice(0, MAX_SPOKEN_TEXT);
}

/**
 * Asks the robot to read the screen aloud; a touch anywhere (this button too) stops the reading
 * first. A refusal (e.g. VOICE_TEXT_UNREADABLE: Japanese with kanji) is shown like any error.
 */
export function ReadAloudButton({ api, language, label, text, onError }: { api: ApiClient; language: Language; label: string; text: () => string; onError: (code: ErrorCode) => void }) {
  const say = () => api.call('voice.say', { text: text(), language }).catch((e: unknown) => onError(e instanceof ApiCallError ? e.error.code : 'INTERNAL_ERROR'));
  return (
    <button type="button" class="nav-button" data-action="read-aloud" onClick={() => void say()}>
      {label}
    </button>
  );
}
