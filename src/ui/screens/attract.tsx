import type { TFunction } from 'i18next';
import { LANGUAGES, type Language } from '../../contract';
import { LANGUAGE_NAMES } from '../languages';
import { LobbyBand } from '../lobby';

/**
 * The idle screen: the lobby at a glance (open or closed, hours, now serving) above the robot's
 * face, which blinks and turns its eyes to a visitor the presence sensor sees. A touch anywhere
 * starts in Vietnamese, a language button in that language.
 */
export function AttractScreen({ tFor, onStart, present = false }: { tFor: (l: Language) => TFunction; onStart: (l: Language) => void; present?: boolean }) {
  return (
    <div class="screen attract" onClick={() => onStart('vi')}>
      <div class="screen-top">
        <LobbyBand full />
      </div>
      <div class="screen-body fixed attract-body">
        <RobotFace looking={present} />
        <div class="attract-lines">
          {LANGUAGES.map((l) => (
            <p class="attract-line" lang={l}>
              {tFor(l)('attract.touch')}
            </p>
          ))}
        </div>
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

/** Eyes that blink every few seconds (CSS) and look down toward a visitor standing in front. */
function RobotFace({ looking }: { looking: boolean }) {
  return (
    <svg class={looking ? 'face looking' : 'face'} viewBox="0 0 200 140" role="img" aria-label="robot" data-looking={String(looking)}>
      <rect x="10" y="10" width="180" height="120" rx="40" fill="#0b3d91" />
      <g class="eyes">
        <g class="eye">
          <ellipse cx="70" cy="62" rx="17" ry="19" fill="#ffffff" />
          <circle class="pupil" cx="70" cy="62" r="7" fill="#0b3d91" />
        </g>
        <g class="eye">
          <ellipse cx="130" cy="62" rx="17" ry="19" fill="#ffffff" />
          <circle class="pupil" cx="130" cy="62" r="7" fill="#0b3d91" />
        </g>
      </g>
      <path class="mouth" d="M72 100 Q100 118 128 100" stroke="#ffffff" stroke-width="8" fill="none" stroke-linecap="round" />
    </svg>
  );
}
