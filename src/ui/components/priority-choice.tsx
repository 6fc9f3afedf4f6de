import type { TFunction } from 'i18next';
import type { Language, PriorityCategory } from '../../contract';

/** The catalog's priority groups a visitor may claim at the robot (appointments check in by QR instead). */
export function claimableCategories(categories: readonly PriorityCategory[]): PriorityCategory[] {
  return categories.filter((c) => c.kind === 'priority');
}

/**
 * "Do you belong to a priority group?" asked where the service is chosen, answered "no" until
 * touched: a normal ticket stays three taps from idle, a priority ticket is one tap more.
 */
export function PriorityChoice({ t, language, categories, value, onChange }: { t: TFunction; language: Language; categories: readonly PriorityCategory[]; value: string | undefined; onChange: (id: string | undefined) => void }) {
  if (categories.length === 0) return null;
  return (
    <fieldset class="priority" data-testid="priority-choice">
      <legend class="lead">{t('journey.priority.question')}</legend>
      <div class="chips">
        <button type="button" class="chip" data-priority="none" aria-pressed={value === undefined} onClick={() => onChange(undefined)}>
          {t('journey.priority.none')}
        </button>
        {categories.map((c) => (
          <button type="button" class="chip" data-priority={c.id} aria-pressed={value === c.id} onClick={() => onChange(c.id)}>
            {c.name[language]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
