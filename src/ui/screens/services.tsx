import type { TFunction } from 'i18next';
import type { Catalog, Language } from '../../contract';
import { Screen } from '../components/screen';

interface Props {
  t: TFunction;
  catalog: Catalog;
  language: Language;
  fieldId: string;
  busy: boolean;
  onService: (serviceId: string) => void;
  /** Shown above the services: the priority question. */
  before?: preact.ComponentChildren;
  nav: preact.ComponentChildren;
}

/** The services of one field; tapping one takes the number. */
export function ServicesScreen({ t, catalog, language, fieldId, busy, onService, before, nav }: Props) {
  const field = catalog.fields.find((f) => f.id === fieldId);
  const services = catalog.services.filter((s) => s.fieldId === fieldId);
  return (
    <Screen title={field?.name[language] ?? ''} info={<p class="lead">{busy ? t('ticket.issuing') : t('services.choose')}</p>} nav={nav}>
      {before}
      <section class="services" aria-busy={busy}>
        {services.map((s) => (
          <button type="button" class="tile primary" disabled={busy} data-service={s.id} onClick={() => onService(s.id)}>
            <span>{s.name[language]}</span>
          </button>
        ))}
      </section>
    </Screen>
  );
}
