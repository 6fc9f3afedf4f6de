import type { TFunction } from 'i18next';
import { useState } from 'preact/hooks';
import type { CommandResponse, Language } from '../../contract';
import { centerTime } from './format';

type LoginFailure = Extract<CommandResponse<'service.login'>, { ok: false }>;

/** Digits only, shown as dots; the PIN is sent once on Enter and never kept. */
export function PinPad({ t, language, via, failure, busy, onSubmit, onCancel }: {
  t: TFunction;
  language: Language;
  via: 'gesture' | 'badge';
  failure: LoginFailure | undefined;
  busy: boolean;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
}) {
  const [pin, setPin] = useState('');
  const locked = failure?.code === 'SERVICE_LOCKED_OUT';
  const press = (d: string) => setPin((p) => (p.length < 12 ? p + d : p));
  const submit = () => {
    if (pin.length >= 4) onSubmit(pin);
    setPin('');
  };
  return (
    <section class="service-pin" data-testid="service-pin">
      <h2>{t('entry.pinTitle')}</h2>
      {via === 'badge' && <p>{t('entry.viaBadge')}</p>}
      <output class="service-pin-dots" data-testid="pin-dots" aria-live="polite">
        {'●'.repeat(pin.length) || ' '}
      </output>
      {failure && (
        <p class="notice error" role="alert" data-code={failure.code} data-attempts-left={failure.attemptsLeft}>
          {t(`errors:${failure.code}`)}{' '}
          {locked && failure.lockedUntil
            ? t('entry.lockedUntil', { time: centerTime(failure.lockedUntil, language) })
            : failure.code === 'SERVICE_PIN_WRONG' && t('entry.attemptsLeft', { n: failure.attemptsLeft })}
        </p>
      )}
      <div class="service-keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button type="button" data-digit={d} onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button type="button" data-key="clear" onClick={() => setPin('')}>
          {t('entry.clear')}
        </button>
        <button type="button" data-digit="0" onClick={() => press('0')}>
          0
        </button>
        <button type="button" data-key="enter" disabled={busy || pin.length < 4} onClick={submit}>
          {t('entry.enter')}
        </button>
      </div>
      <button type="button" class="nav-button" data-key="cancel" onClick={onCancel}>
        {t('entry.cancel')}
      </button>
    </section>
  );
}
