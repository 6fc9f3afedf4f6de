import { typedKey } from '../wedge';

/** What was typed so far; the field is read-only so no OS keyboard pops up (the on-screen one types). */
export function SearchInput({ value, label, max, testId, onChange, onEnter }: { value: string; label: string; max: number; testId: string; onChange: (v: string) => void; onEnter?: () => void }) {
  return (
    <label class="search-label">
      <span class="label-text">{label}</span>
      <input
        class="search-input" type="search" readOnly value={value} data-testid={testId} maxLength={max}
        // a hardware keyboard (or a wedge scanner typed slowly) still types here; scanner bursts are taken by the wedge listener
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) return onEnter();
          const next = typedKey(e, value, max);
          if (next !== undefined) onChange(next);
        }}
      />
    </label>
  );
}
