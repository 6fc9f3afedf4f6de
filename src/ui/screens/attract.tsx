import type { TFunction } from 'i18next';
import { LANGUAGES, type Language } from '../../contract';
import { LANGUAGE_NAMES } from '../languages';

/** The robot's face; a touch anywhere starts in Vietnamese, a language button in that language. */
export function AttractScreen({ tFor, onStart }: { tFor: (l: Language) => TFunction; onStart: (l: Language) => void }) {
  return (
    <div class="screen attract" onClick={() => onStart('vi')}>
      <header class="screen-head">
        <RobotFace />
      </header>
      <div class="screen-body">
        {LANGUAGES.map((l) => (
          <p class="attract-line" lang={l}>
            {tFor(l)('attract.touch')}
          </p>
        ))}
        <div class="languages">
          {LANGUAGES.map((l) => (
            <button
              type="button"
              lang={l}
              data-language={l}
              onClick={(e) => {
                e.stopPropagation();
                onStart(l);
              }}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}

function RobotFace() {
  return (
    <svg class="face" viewBox="0 0 200 140" role="img" aria-label="robot">
      <rect x="10" y="10" width="180" height="120" rx="40" fill="#0b3d91" />
      <circle class="eye" cx="70" cy="65" r="16" fill="#ffffff" />
      <circle class="eye" cx="130" cy="65" r="16" fill="#ffffff" />
      <path d="M70 100 Q100 120 130 100" stroke="#ffffff" stroke-width="8" fill="none" stroke-linecap="round" />
    </svg>
  );
}
