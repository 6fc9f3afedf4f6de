import type { TFunction } from 'i18next';

/**
 * An on-screen keyboard for short searches and codes. Search ignores Vietnamese diacritics, so
 * plain Latin letters are enough; keys are large enough for an unsteady finger.
 */
const ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL-', 'ZXCVBNM.'];

export function OnScreenKeyboard({ t, onKey, onBackspace, onClear }: { t: TFunction; onKey: (k: string) => void; onBackspace: () => void; onClear: () => void }) {
  return (
    <div class="keyboard" role="group" aria-label={t('keyboard.label')}>
      {ROWS.map((row) => (
        <div class="keyboard-row">
          {[...row].map((k) => (
            <button type="button" class="key" data-key={k} onClick={() => onKey(k.toLowerCase())}>
              {k}
            </button>
          ))}
        </div>
      ))}
      <div class="keyboard-row">
        <button type="button" class="key wide" data-key="space" onClick={() => onKey(' ')}>
          {t('keyboard.space')}
        </button>
        <button type="button" class="key wide" data-key="backspace" onClick={onBackspace}>
          {t('keyboard.backspace')}
        </button>
        <button type="button" class="key wide" data-key="clear" onClick={onClear}>
          {t('keyboard.clear')}
        </button>
      </div>
    </div>
  );
}
