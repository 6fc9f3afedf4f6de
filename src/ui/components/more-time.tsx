import type { TFunction } from 'i18next';

/** Asked before a session is cleared for inactivity; any touch answers "yes". */
export function MoreTimePrompt({ t, seconds, onMore, onEnd }: { t: TFunction; seconds: number; onMore: () => void; onEnd: () => void }) {
  return (
    <div class="overlay" role="alertdialog" aria-labelledby="more-time-q">
      <div class="dialog">
        <p id="more-time-q" class="lead">
          {t('idle.question', { seconds })}
        </p>
        <button type="button" class="tile primary" data-testid="more-time" onClick={onMore}>
          {t('idle.more')}
        </button>
        <button type="button" class="tile secondary" onClick={onEnd}>
          {t('idle.end')}
        </button>
      </div>
    </div>
  );
}
