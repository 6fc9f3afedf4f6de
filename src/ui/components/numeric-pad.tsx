import type { TFunction } from 'i18next';

/** A telephone keypad (1-2-3 on top), keys as large as the keyboard's: digits only, up to `max`. */
export function NumericPad({ t, value, max, onChange }: { t: TFunction; value: string; max: number; onChange: (v: string) => void }) {
  const digit = (d: string) => (
    <button type="button" class="key" data-key={d} onClick={() => onChange((value + d).slice(0, max))}>
      {d}
    </button>
  );
  return (
    <div class="keyboard numeric" role="group" aria-label={t('booking:screen.phoneTitle')} data-layout="numeric">
      {['123', '456', '789'].map((row) => (
        <div class="keyboard-row">{[...row].map(digit)}</div>
      ))}
      <div class="keyboard-row">
        <button type="button" class="key wide" data-key="clear" onClick={() => onChange('')}>
          {t('booking:screen.clear')}
        </button>
        {digit('0')}
        <button type="button" class="key wide" data-key="backspace" onClick={() => onChange(value.slice(0, -1))}>
          {t('booking:screen.delete')}
        </button>
      </div>
    </div>
  );
}
