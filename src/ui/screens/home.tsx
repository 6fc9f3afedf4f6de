import type { TFunction } from 'i18next';
import type { Catalog, Language } from '../../contract';
import { Icon } from '../components/icon';
import { Screen } from '../components/screen';

export type HomeAction = 'search' | 'appointment' | 'dossier' | 'guide' | 'staff' | 'book';

interface Props {
  t: TFunction;
  catalog: Catalog;
  language: Language;
  /** The journeys this robot offers besides taking a number (each appears once its screen exists). */
  actions: HomeAction[];
  onField: (fieldId: string) => void;
  onAction: (a: HomeAction) => void;
  nav: preact.ComponentChildren;
}

/** Taking a number is the first thing on screen: one tap on a field, one on a service. */
export function HomeScreen({ t, catalog, language, actions, onField, onAction, nav }: Props) {
  return (
    <Screen title={t('home.takeNumber')} info={<p class="lead">{t('home.chooseField')}</p>} nav={nav} band="full">
      <section class="fields" aria-label={t('home.takeNumber')}>
        {catalog.fields.map((f) => (
          <button type="button" class="tile primary" data-field={f.id} onClick={() => onField(f.id)}>
            <Icon name={f.id} size="1.6em" />
            <span>{f.name[language]}</span>
          </button>
        ))}
      </section>
      {actions.length > 0 && (
        <section class="actions">
          {actions.map((a) => (
            <button type="button" class="tile secondary" data-action={a} onClick={() => onAction(a)}>
              <Icon name={a} size="1.4em" />
              <span>{t(`home.${a}`)}</span>
            </button>
          ))}
        </section>
      )}
    </Screen>
  );
}
