/**
 * "How was your service?": three big choices, then reasons to tick and a comment, both optional.
 * Shared by the phone page (/t/<id>) and the counter's rating tablet (/rate/<counterId>); the
 * page says where the rating goes. Nothing is sent until the citizen presses Send.
 */
import { useState } from 'preact/hooks';
import { RATING_REASONS, type RatingRequest, type RatingScore } from '../../contract/sync';
import { codeOf, type PageErrorCode } from './api';
import { ErrorLine, usePage } from './frame';

const SCORES: readonly RatingScore[] = ['very-satisfied', 'satisfied', 'not-satisfied'];
/** The schema's bound on a comment; the box stops there too. */
const COMMENT_MAX = 500;

export function Thanks({ code }: { code?: PageErrorCode }) {
  const { t } = usePage();
  return <p class="card thanks" id="rating-thanks" role="status">{code === 'RATING_ALREADY_GIVEN' ? t('errors:RATING_ALREADY_GIVEN') : t('rating.thanks')}</p>;
}

/** `send` rejects with the center's error; RATING_ALREADY_GIVEN counts as done (rated elsewhere first). */
export function RatingForm({ send, onDone }: { send: (r: RatingRequest) => Promise<unknown>; onDone: (code?: PageErrorCode) => void }) {
  const { t } = usePage();
  const [score, setScore] = useState<RatingScore>();
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PageErrorCode>();
  const toggle = (r: string) => setReasons((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!score || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await send({ score, reasons: reasons as RatingRequest['reasons'], ...(comment.trim() ? { comment: comment.trim() } : {}) });
      onDone();
    } catch (err) {
      const code = codeOf(err);
      if (code === 'RATING_ALREADY_GIVEN') onDone(code);
      else setError(code);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card rating" id="rating" onSubmit={(e) => void submit(e)}>
      <h2>{t('rating.question')}</h2>
      <div class="scores" role="radiogroup" aria-label={t('rating.question')}>
        {SCORES.map((s) => (
          <button type="button" key={s} class={`score ${s}`} role="radio" aria-checked={score === s} data-score={s} onClick={() => setScore(s)}>
            {t(`rating.score.${s}`)}
          </button>
        ))}
      </div>
      {score && (
        <>
          <fieldset class="reasons">
            <legend>{t('rating.reasonsTitle')}</legend>
            {RATING_REASONS.map((r) => (
              <label key={r} class="reason">
                <input type="checkbox" data-reason={r} checked={reasons.includes(r)} onChange={() => toggle(r)} />
                <span>{t(`rating.reason.${r}`)}</span>
              </label>
            ))}
          </fieldset>
          <label class="comment">
            <span>{t('rating.comment')}</span>
            <textarea id="rating-comment" rows={3} maxLength={COMMENT_MAX} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
          </label>
          <button type="submit" id="rating-send" disabled={busy}>{t('rating.send')}</button>
        </>
      )}
      <ErrorLine code={error} />
    </form>
  );
}
