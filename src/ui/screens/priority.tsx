import { claimableCategories } from '../components/priority-choice';
import { Screen } from '../components/screen';
import type { JourneyContext } from '../journey';

/**
 * The priority question after a service was found by search or in the guide: one tap answers it
 * and takes the number. (On a field's services screen the same question is a row of choices above
 * the services, so a normal ticket stays three taps from idle.)
 */
export function PriorityScreen({ ctx, serviceId }: { ctx: JourneyContext; serviceId: string }) {
  const { t, catalog, language } = ctx;
  const service = catalog.services.find((s) => s.id === serviceId);
  return (
    <Screen title={service?.name[language] ?? ''} info={<p class="lead">{ctx.busy ? t('ticket.issuing') : t('journey.priority.ask')}</p>} nav={ctx.nav}>
      <section class="priority-answers" aria-busy={ctx.busy}>
        <button type="button" class="tile primary" data-priority="none" disabled={ctx.busy} onClick={() => ctx.takeNumber(serviceId, undefined)}>
          {t('journey.priority.normal')}
        </button>
        {claimableCategories(catalog.priorityCategories).map((c) => (
          <button type="button" class="tile secondary" data-priority={c.id} disabled={ctx.busy} onClick={() => ctx.takeNumber(serviceId, c.id)}>
            {c.name[language]}
          </button>
        ))}
      </section>
    </Screen>
  );
}
