/**
 * "How was your service?" at the robot (issue 18): opened by scanning a ticket's QR. The
 * controller asks the center whether the ticket was served and not rated yet (cut off from the center,
 * it takes the rating and delivers it later; a ticket of another robot then has no number to show); the visitor picks one
 * of three big choices and may tick reasons (no comment here: typing on a kiosk is slow, the phone
 * page takes one). The words are the session's language.
 */
import { useEffect, useState } from 'preact/hooks';
import { RATING_REASONS, type RatingScore } from '../../contract/sync';
import type { RatingTicket } from '../../contract/rating';
import { ApiCallError } from '../api-client';
import { Screen } from '../components/screen';
import type { JourneyContext } from '../journey';

const SCORES: readonly RatingScore[] = ['very-satisfied', 'satisfied', 'not-satisfied'];
type Reason = (typeof RATING_REASONS)[number];
type State = { step: 'checking' } | { step: 'open'; ticket: RatingTicket } | { step: 'done' } | { step: 'failed'; code: string };

/** A ticket link as the printer puts it in the QR (…/t/<uuid>): the controller checks it is ours. */
export const isTicketLink = (text: string) => /^https?:\/\/\S+\/t\/[0-9a-f-]{36}(?:[/?#]\S*)?$/i.test(text.trim());

const codeOf = (e: unknown) => (e instanceof ApiCallError ? e.error.code : 'INTERNAL_ERROR');

/** Asks the controller about the ticket, then sends the chosen score and reasons once. */
function useRating(ctx: JourneyContext, text: string, score: RatingScore | undefined, reasons: Reason[]) {
  const { api } = ctx;
  const [state, setState] = useState<State>({ step: 'checking' });
  const [sending, setSending] = useState(false);
  useEffect(() => {
    api.call('rating.open', { text: text.trim().slice(0, 2048) }).then((ticket) => setState({ step: 'open', ticket }), (e) => setState({ step: 'failed', code: codeOf(e) }));
  }, [api, text]);
  const send = (ticketId: string) => {
    if (!score || sending) return;
    setSending(true);
    api.call('rating.send', { ticketId, rating: { score, reasons } }).then(
      () => setState({ step: 'done' }),
      (e) => setState({ step: 'failed', code: codeOf(e) }),
    ).finally(() => setSending(false));
  };
  return { state, sending, send };
}

/** The three scores, then (once one is picked) the reasons to tick. */
function RatingChoices({ ctx, score, reasons, onScore, onToggle }: { ctx: JourneyContext; score?: RatingScore; reasons: Reason[]; onScore: (s: RatingScore) => void; onToggle: (r: Reason) => void }) {
  const { t } = ctx;
  return (
    <section class="rating">
      <h2>{t('rating.question')}</h2>
      <div class="rating-scores" role="radiogroup" aria-label={t('rating.question')}>
        {SCORES.map((s) => (
          <button type="button" key={s} role="radio" aria-checked={score === s} class={`tile secondary score ${s}`} data-score={s} onClick={() => onScore(s)}>
            {t(`rating.score.${s}`)}
          </button>
        ))}
      </div>
      {score && (
        <>
          <h2>{t('rating.reasonsTitle')}</h2>
          <div class="chips">
            {RATING_REASONS.map((r) => (
              <button type="button" key={r} class="chip" aria-pressed={reasons.includes(r)} data-reason={r} onClick={() => onToggle(r)}>{t(`rating.reason.${r}`)}</button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/** Thanks, or why the ticket cannot be rated (already rated is not an error). */
function RatingResult({ ctx, code }: { ctx: JourneyContext; code?: string }) {
  const { t } = ctx;
  return (
    <section class="rating-result" data-testid="rating-result" data-code={code ?? ''}>
      {code === undefined
        ? <p class="notice" role="status">{t('rating.thanks')}</p>
        : <p class={code === 'RATING_ALREADY_GIVEN' ? 'notice' : 'notice error'} role="alert">{t(`errors:${code}`)}</p>}
      <button type="button" class="tile primary done" onClick={ctx.endSession}>{t('ticket.done')}</button>
    </section>
  );
}

export function RatingScreen({ ctx, text }: { ctx: JourneyContext; text: string }) {
  const { t } = ctx;
  const [score, setScore] = useState<RatingScore>();
  const [reasons, setReasons] = useState<Reason[]>([]);
  const { state, sending, send } = useRating(ctx, text, score, reasons);
  const toggle = (r: Reason) => setReasons((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));
  const ticket = state.step === 'open' ? state.ticket : undefined;
  return (
    <Screen
      title={t('rating.title')}
      info={ticket?.display && <p class="lead" data-testid="rating-ticket">{t('rating.forTicket', { number: ticket.display })}</p>}
      nav={ctx.nav}
      footer={ticket && score && (
        <button type="button" class="tile primary" data-action="send-rating" disabled={sending} onClick={() => send(ticket.ticketId)}>{t('rating.send')}</button>
      )}
    >
      {state.step === 'checking' && <p class="notice" role="status">{t('rating.checking')}</p>}
      {state.step === 'failed' && <RatingResult ctx={ctx} code={state.code} />}
      {state.step === 'done' && <RatingResult ctx={ctx} />}
      {ticket && <RatingChoices ctx={ctx} score={score} reasons={reasons} onScore={setScore} onToggle={toggle} />}
    </Screen>
  );
}
