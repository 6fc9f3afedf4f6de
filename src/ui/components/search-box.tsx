import type { TFunction } from 'i18next';
import { OnScreenKeyboard } from './keyboard';

/** What was typed so far, and the keyboard to type it; the field is read-only so no OS keyboard pops up. */
export function SearchBox({ t, value, label, onChange }: { t: TFunction; value: string; label: string; onChange: (v: string) => void }) {
  return (
    <div class="search-box">
      <label class="lead">
        {label}
        <input class="search-input" type="search" readOnly value={value} data-testid="search-input" maxLength={100} />
      </label>
      <OnScreenKeyboard t={t} onKey={(k) => onChange((value + k).slice(0, 100))} onBackspace={() => onChange(value.slice(0, -1))} onClear={() => onChange('')} />
    </div>
  );
}
