import type { TFunction } from 'i18next';
import type { Catalog, CommandResponse, Language } from '../../contract';
import { Screen } from '../components/screen';

interface Props {
  t: TFunction;
  catalog: Catalog;
  language: Language;
  result: CommandResponse<'ticket.issue'>;
  onDone: () => void;
}

/** The number, large; and whether the paper ticket came out. */
export function TicketScreen({ t, catalog, language, result, onDone }: Props) {
  const service = catalog.services.find((s) => s.id === result.ticket.serviceId);
  return (
    <Screen title={t('ticket.yourNumber')} info={service && <p class="lead">{service.name[language]}</p>}>
      <section class="ticket" aria-live="polite">
        <p class="ticket-number" data-testid="ticket-number">
          {result.ticket.display}
        </p>
        <p class={result.printed ? 'notice' : 'notice error'} role={result.printed ? 'status' : 'alert'}>
          {result.printed ? t('ticket.printed') : t('ticket.printFailed')}
        </p>
        <button type="button" class="tile primary done" onClick={onDone}>
          {t('ticket.done')}
        </button>
      </section>
    </Screen>
  );
}
