import { useEffect, useState } from 'preact/hooks';
import { QrImage } from '../components/qr-image';
import { Screen } from '../components/screen';
import { waitLines } from '../format';
import type { IssueResult, JourneyContext } from '../journey';

type StaffState = 'notifying' | 'notified' | 'failed';

/**
 * The number, large; the people ahead, the wait and where to go; and whether the paper came out.
 * When it did not, the number and the ticket's QR are shown large to photograph, and staff are
 * called from here so the visitor need not look for anyone.
 */
export function TicketScreen({ ctx, result }: { ctx: JourneyContext; result: IssueResult }) {
  const { t, catalog, language } = ctx;
  const { ticket, wait } = result;
  // worded as on the paper and the phone page (core's sayWait)
  const said = waitLines(wait, language);
  const service = catalog.services.find((s) => s.id === ticket.serviceId);
  const category = ticket.categoryId ? catalog.priorityCategories.find((c) => c.id === ticket.categoryId) : undefined;
  const [staff, setStaff] = useState<StaffState>('notifying');
  useEffect(() => {
    if (result.printed) return;
    let live = true;
    ctx.callStaff('printer-failed', ticket.id).then(
      () => live && setStaff('notified'),
      () => live && setStaff('failed'),
    );
    return () => {
      live = false;
    };
    // one call per ticket shown; the controller also ignores a repeat within a minute
  }, [ticket.id, result.printed]);

  // the number is information, so it sits in the top third; everything to touch is below
  const info = (
    <>
      <p class="ticket-number" data-testid="ticket-number">
        {ticket.display}
      </p>
      {category && (
        <p class="badge" data-testid="ticket-priority">
          {t('journey.priority.chosen', { category: category.name[language] })}
        </p>
      )}
      {service && <p class="lead ticket-service">{service.name[language]}</p>}
    </>
  );
  return (
    <Screen title={t('ticket.yourNumber')} info={info}>
      <section class={result.printed ? 'ticket' : 'ticket failed'} aria-live="polite" data-ticket-language={ticket.language}>
        <ul class="ticket-facts">
          <li data-testid="people-ahead">{said.ahead}</li>
          {said.wait && <li data-testid="wait">{said.wait}</li>}
          <li data-testid="where-to-go">{result.whereToGo.length ? t('journey.ticket.whereToGo', { place: result.whereToGo.join(', ') }) : t('journey.ticket.watchDisplay')}</li>
        </ul>
        <p class={result.printed ? 'notice' : 'notice error'} role={result.printed ? 'status' : 'alert'} data-testid="print-status">
          {result.printed ? t('ticket.printed') : t('ticket.printFailed')}
        </p>
        {!result.printed && (
          <>
            {result.statusUrl && <QrImage text={result.statusUrl} label={t('journey.ticket.qr')} size={440} />}
            <p class="photo-hint">{t('journey.ticket.photo')}</p>
            <p class="staff-status" role="status" data-testid="staff-status" data-state={staff}>
              {t(`journey.ticket.staff.${staff}`)}
            </p>
          </>
        )}
        <button type="button" class="tile primary done" onClick={ctx.endSession}>
          {t('ticket.done')}
        </button>
      </section>
    </Screen>
  );
}
