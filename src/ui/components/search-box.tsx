import type { TFunction } from 'i18next';
import { typedKey } from '../wedge';
import { OnScreenKeyboard } from './keyboard';

/** What was typed so far, and the keyboard to type it; the field is read-only so no OS keyboard pops up. */
export function SearchBox({ t, value, label, onChange }: { t: TFunction; value: string; label: string; onChange: (v: string) => void }) {
  return (
    <div class="search-box">
      <label class="lead">
        {label}
        <input
          class="search-input" type="search" readOnly value={value} data-testid="search-input" maxLength={100}
          // a hardware keyboard (or a wedge scanner typed slowly) still types here; scanner bursts are taken by the wedge listener
          onKeyDown={(e) => {
            const next = typedKey(e, value, 100);
            if (next !== undefined) onChange(next);
          }}
        />
      </label>
      <OnScreenKeyboard t={t} onKey={(k) => onChange((value + k).slice(0, 100))} onBackspace={() => onChange(value.slice(0, -1))} onClear={() => onChange('')} />
    </div>
  );
}
