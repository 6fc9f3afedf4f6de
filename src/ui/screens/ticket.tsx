import type { TFunction } from 'i18next';
import type { Catalog, CommandResponse, Language } from '../../contract';

interface Props {
  t: TFunction;
  catalog: Catalog | undefined;
  language: Language;
  result: CommandResponse<'ticket.issue'>;
  onDone: () => void;
}

/** The number, large; and whether the paper ticket came out. */
export function TicketScreen({ t, catalog, language, result, onDone }: Props) {
  const service = catalog?.services.find((s) => s.id === result.ticket.serviceId);
  return (
    <section class="ticket" aria-live="polite">
      <h2>{t('ticket.yourNumber')}</h2>
      <p class="ticket-number" data-testid="ticket-number">
        {result.ticket.display}
      </p>
      {service && <p>{service.name[language]}</p>}
      <p class={result.printed ? 'notice' : 'notice error'} role={result.printed ? 'status' : 'alert'}>
        {result.printed ? t('ticket.printed') : t('ticket.printFailed')}
      </p>
      <button type="button" class="done" onClick={onDone}>
        {t('ticket.done')}
      </button>
    </section>
  );
}
