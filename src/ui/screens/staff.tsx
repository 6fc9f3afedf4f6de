import { useState } from 'preact/hooks';
import { ApiCallError } from '../api-client';
import { Screen } from '../components/screen';
import type { JourneyContext } from '../journey';

/** "Call a staff member?" — asked once, so a stray touch does not send someone across the lobby. */
export function StaffConfirmScreen({ ctx }: { ctx: JourneyContext }) {
  const { t } = ctx;
  const [calling, setCalling] = useState(false);
  const [failed, setFailed] = useState<string | undefined>();
  const call = () => {
    if (calling) return;
    setCalling(true);
    setFailed(undefined);
    ctx.callStaff('help').then(
      () => ctx.replace({ name: 'staff-called' }),
      (e: unknown) => {
        setCalling(false);
        setFailed(e instanceof ApiCallError ? e.error.code : 'STAFF_CALL_FAILED');
      },
    );
  };
  return (
    <Screen title={t('home.staff')} info={<p class="lead">{t('journey.staff.question')}</p>} nav={ctx.nav}>
      <section class="staff">
        {failed && (
          <p class="notice error" role="alert" data-code={failed}>
            {t(`errors:${failed}`)}
          </p>
        )}
        <button type="button" class="tile primary" data-action="call-staff" disabled={calling} onClick={call}>
          {calling ? t('journey.staff.calling') : t('journey.staff.confirm')}
        </button>
      </section>
    </Screen>
  );
}

/** The call is recorded: say so, and where to wait. */
export function StaffCalledScreen({ ctx }: { ctx: JourneyContext }) {
  const { t } = ctx;
  return (
    <Screen title={t('home.staff')}>
      <section class="staff">
        <p class="notice" role="status" data-testid="staff-called">
          {t('journey.staff.called')}
        </p>
        <button type="button" class="tile primary done" onClick={ctx.endSession}>
          {t('ticket.done')}
        </button>
      </section>
    </Screen>
  );
}
