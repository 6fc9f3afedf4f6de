import type { ErrorCode } from '../../contract';
import { Screen } from '../components/screen';
import { formatNextOpening } from '../format';
import type { JourneyContext } from '../journey';

/**
 * No number now (closed, holiday, lunch, cut-off, numbers used up): why, in the visitor's
 * language, and when to come back, in the center's time zone.
 */
export function RefusalScreen({ ctx, code, nextOpeningAt }: { ctx: JourneyContext; code: ErrorCode; nextOpeningAt?: string }) {
  const { t, language } = ctx;
  const nextOpening = (nextOpeningAt && formatNextOpening(nextOpeningAt, language)) || t('journey.refusal.later');
  return (
    <Screen title={t('journey.refusal.title')} nav={ctx.nav}>
      <section class="refusal">
        <p class="notice error" role="alert" data-testid="refusal" data-code={code}>
          {t(`errors:${code}`, { nextOpening })}
        </p>
        <div class="actions">
          <button type="button" class="tile secondary" data-action="staff" onClick={() => ctx.push({ name: 'staff' })}>
            {t('home.staff')}
          </button>
          <button type="button" class="tile primary" data-action="done" onClick={ctx.endSession}>
            {t('ticket.done')}
          </button>
        </div>
      </section>
    </Screen>
  );
}
