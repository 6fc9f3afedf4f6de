import type { TFunction } from 'i18next';
import { LANGUAGES, type Language } from '../../contract';
import { LANGUAGE_NAMES } from '../languages';
import { Icon } from './icon';
import type { SpeakingBannerState } from './voice';

interface Props {
  t: TFunction;
  canGoBack: boolean;
  largeText: boolean;
  language: Language;
  onBack: () => void;
  onLargeText: (on: boolean) => void;
  onLanguage: (l: Language) => void;
  onEnd: () => void;
}

/** Back, large text, language and finish: the same bar, in the same place, on every screen. */
export function NavBar({ t, canGoBack, largeText, language, onBack, onLargeText, onLanguage, onEnd }: Props) {
  return (
    <>
      {canGoBack && (
        <button type="button" class="nav-button" data-nav="back" onClick={onBack}>
          <Icon name="back" /> <span>{t('nav.back')}</span>
        </button>
      )}
      <button type="button" class="nav-button" data-nav="large-text" aria-pressed={largeText} onClick={() => onLargeText(!largeText)}>
        <Icon name="largeText" /> <span>{t('nav.largeText')}</span>
      </button>
      <select class="nav-button" aria-label={t('home.language')} data-nav="language" value={language} onChange={(e) => onLanguage((e.target as HTMLSelectElement).value as Language)}>
        {LANGUAGES.map((l) => (
          <option value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="button" class="nav-button end" data-nav="end" onClick={onEnd}>
        <Icon name="end" /> <span>{t('nav.end')}</span>
      </button>
    </>
  );
}

/** While the robot reads aloud: says so, and a tap (here or anywhere) stops it; "stopped" until the stopping finger lifts (voice.tsx). */
export function SpeakingBanner({ t, state, onStop }: { t: TFunction; state: Exclude<SpeakingBannerState, 'none'>; onStop: () => void }) {
  return (
    <button type="button" class="speaking" data-testid="speaking" data-state={state} onClick={onStop}>
      <Icon name="speaking" /> <span>{t(state === 'speaking' ? 'voice.speaking' : 'voice.stopped')}</span>
    </button>
  );
}
