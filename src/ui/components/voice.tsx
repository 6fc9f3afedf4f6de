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
 * What the "reading aloud" banner shows. It sits in the page's flow above the screen, so removing
 * it moves every control below it up: a visitor whose touch stops the robot would see the button
 * under their finger jump away before they lift it, and the tap would land on something else or
 * nothing. So while a finger is down the banner stays where it is and says the reading stopped;
 * it goes once the finger is up and its tap has been delivered.
 */
export type SpeakingBannerState = 'speaking' | 'stopped' | 'none';

/** A tap's click follows its pointerup (for touch, after the gesture is recognised): wait this long for it at most. */
const CLICK_AFTER_RELEASE_MS = 400;

/**
 * The touchscreen's side of voice (issue 8): tells the controller the session's language, stops the
 * robot speaking on any touch (touch always wins over voice), starts a session when the robot is
 * woken, and says whether a loudspeaker works (no "read aloud" button without one).
 */
export function useVoice(api: ApiClient, { connection, language, inSession, onWake }: VoiceOptions): { speakerReady: boolean; banner: SpeakingBannerState } {
  const [speakerReady, setSpeakerReady] = useState(false);
  const [banner, setBanner] = useState<SpeakingBannerState>('none');
  const active = useRef(false);
  const wake = useRef(onWake);
  wake.current = onWake;
  /** From a finger's pointerdown until its click (or CLICK_AFTER_RELEASE_MS after it lifts). */
  const holding = useRef(false);

  useEffect(() => {
    const offs = [
      api.on('status.changed', (h) => setSpeakerReady(speakerReadyIn(h))),
      api.on('voice.state', (s) => {
        active.current = s.speaking || s.phase !== 'idle';
        setBanner((shown) => (s.speaking ? 'speaking' : holding.current && shown !== 'none' ? 'stopped' : 'none'));
      }),
      api.on('voice.wake', (w) => wake.current(w.language)),
    ];
    const offTouches = stopOnTouch(api, active, holding, setBanner);
    return () => {
      offTouches();
      offs.forEach((off) => off());
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

  return { speakerReady, banner };
}

/**
 * Any touch stops the robot speaking; `holding` is true from the finger's pointerdown until its
 * click has been delivered (or CLICK_AFTER_RELEASE_MS after it lifts), and then a banner left
 * standing as "stopped" goes, after the click, so nothing moved under it. Returns the unsubscribe.
 */
function stopOnTouch(api: ApiClient, active: { current: boolean }, holding: { current: boolean }, setBanner: (f: (shown: SpeakingBannerState) => SpeakingBannerState) => void): () => void {
  let settle: ReturnType<typeof setTimeout> | undefined;
  const touchOver = () => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      holding.current = false;
      setBanner((shown) => (shown === 'stopped' ? 'none' : shown));
    }, 0);
  };
  const onDown = () => {
    holding.current = true;
    clearTimeout(settle);
    if (active.current) api.call('voice.stop', {}).catch(() => undefined);
  };
  const onUp = () => {
    clearTimeout(settle);
    settle = setTimeout(touchOver, CLICK_AFTER_RELEASE_MS);
  };
  const onClick = () => {
    if (holding.current) touchOver();
  };
  window.addEventListener('pointerdown', onDown, true);
  window.addEventListener('pointerup', onUp, true);
  window.addEventListener('pointercancel', onUp, true);
  window.addEventListener('click', onClick, true);
  return () => {
    clearTimeout(settle);
    window.removeEventListener('pointerdown', onDown, true);
    window.removeEventListener('pointerup', onUp, true);
    window.removeEventListener('pointercancel', onUp, true);
    window.removeEventListener('click', onClick, true);
  };
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
