/**
 * The counter's rating tablet, /rate/<counterId>: a small screen facing the citizen. A member of
 * staff signs it in once (it is a staff device); from then on, each ticket the counter completes
 * appears live (the center's stream) with "how was your service?", in the ticket's language. After
 * the rating, or when nobody rates within a while, it goes back to a "thank you / waiting" state.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Board, RatingRequest, StreamEventType, TicketStatus } from '../../contract/sync';
import { api, type PageErrorCode } from './api';
import { ErrorLine, Header, mount, usePage } from './frame';
import { RatingForm, Thanks } from './rating-form';
import { StaffGate, useStaff } from './staff-gate';
import { useStream } from './stream';

const EVENTS: StreamEventType[] = ['ticket.served', 'stream.reset'];
/** A citizen who walks away without rating: the tablet is ready for the next one after this. */
const UNRATED_TIMEOUT_MS = 90_000;
/** How long the thanks stay before the waiting state. */
const THANKS_MS = 8_000;

type Shown = { kind: 'waiting' } | { kind: 'ticket'; ticketId: string; display: string } | { kind: 'thanks'; code?: PageErrorCode };

function Tablet({ counterId }: { counterId: string }) {
  const { t, setLanguage } = usePage();
  const { failed } = useStaff();
  const [after, setAfter] = useState<number>();
  const [error, setError] = useState<PageErrorCode>();
  const [shown, setShown] = useState<Shown>({ kind: 'waiting' });
  useEffect(() => {
    api<Board>('/v1/board').then((b) => {
      if (!b.counters.some((c) => c.id === counterId)) setError('CENTER_COUNTER_UNKNOWN');
      else setAfter(b.lastEventId);
    }, (e) => setError(failed(e)));
  }, [counterId, failed]);
  const served = useCallback((ticketId: string, display: string) => {
    setShown({ kind: 'ticket', ticketId, display });
    // the citizen's own language, as on their ticket and phone page
    api<TicketStatus>(`/v1/tickets/${encodeURIComponent(ticketId)}/status`).then((s) => s.language && setLanguage(s.language), () => undefined);
  }, [setLanguage]);
  const online = useStream(EVENTS, after, (e) => {
    if (e.type === 'ticket.served' && e.data.counterId === counterId && e.data.ticketId && e.data.display) served(e.data.ticketId, e.data.display);
  });
  useEffect(() => {
    if (shown.kind === 'waiting') return;
    const timer = setTimeout(() => setShown({ kind: 'waiting' }), shown.kind === 'thanks' ? THANKS_MS : UNRATED_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  if (error) return <ErrorLine code={error} />;
  return (
    <>
      {!online && <ErrorLine code="OFFLINE" />}
      {/* "waiting" only once the board told where the stream starts: a ticket completed after the
          citizen sees it is then never missed (before, the tablet is not yet listening) */}
      {shown.kind === 'waiting' && (after === undefined
        ? <p class="card waiting" id="rate-loading">{t('common.loading')}</p>
        : <p class="card waiting" id="rate-waiting">{t('rating.waiting')}</p>)}
      {shown.kind === 'thanks' && <Thanks code={shown.code} />}
      {shown.kind === 'ticket' && (
        <>
          <p class="card big" id="rate-ticket">{t('rating.forTicket', { number: shown.display })}</p>
          <RatingForm
            key={shown.ticketId}
            send={(r: RatingRequest) => api(`/v1/counters/${encodeURIComponent(counterId)}/tickets/${encodeURIComponent(shown.ticketId)}/rating`, { method: 'POST', body: r })}
            onDone={(code) => setShown({ kind: 'thanks', code })}
          />
        </>
      )}
    </>
  );
}

function RatePage() {
  const { t } = usePage();
  const counterId = decodeURIComponent(location.pathname.split('/').pop() ?? '');
  return (
    <div class="rate">
      <Header title={t('rating.title')} />
      <main class="page"><StaffGate>{() => <Tablet counterId={counterId} />}</StaffGate></main>
    </div>
  );
}

mount(RatePage);
