/**
 * The steps booking and a home visit share: a mobile number on a numeric keypad (checked with the
 * center's own rule before anything is sent), an optional name on the on-screen keyboard (in the
 * footer, above the bottom bar, so it never hides under it), and the consent text naming how long
 * the center keeps the data. What was entered is shown masked afterwards.
 */
import type { TFunction } from 'i18next';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { VnMobilePhone, type Language } from '../../contract';
import { NumericPad } from '../components/numeric-pad';
import { OnScreenKeyboard, searchLayouts } from '../components/keyboard';
import { Screen } from '../components/screen';
import { SearchInput } from '../components/search-box';

export function PhoneStep({ t, title, nav, onPhone }: { t: TFunction; title: string; nav: ComponentChildren; onPhone: (phone: string) => void }) {
  const [phone, setPhone] = useState('');
  const [invalid, setInvalid] = useState(false);
  const next = () => (VnMobilePhone.safeParse(phone).success ? onPhone(phone) : setInvalid(true));
  return (
    <Screen title={title} info={<p class="lead">{t('booking:screen.phoneTitle')}</p>} nav={nav} footer={<NumericPad t={t} value={phone} max={10} onChange={(v) => (setPhone(v), setInvalid(false))} />}>
      <div class="code-entry booking-step" data-step="phone">
        <p class="phone-entry" data-testid="phone-input" aria-live="polite">
          {phone || ' '}
        </p>
        <p class="hint">{t('booking:screen.phoneHint')}</p>
        {invalid && (
          <p class="notice error" role="alert" data-code="BOOKING_PHONE_INVALID">
            {t('errors:BOOKING_PHONE_INVALID')}
          </p>
        )}
        <button type="button" class="tile primary" data-action="next" disabled={phone.length < 10} onClick={next}>
          {t('booking:screen.next')}
        </button>
      </div>
    </Screen>
  );
}

export function NameStep({ t, title, language, nav, onName }: { t: TFunction; title: string; language: Language; nav: ComponentChildren; onName: (name: string | undefined) => void }) {
  const [name, setName] = useState('');
  return (
    <Screen title={title} info={<p class="lead">{t('booking:screen.nameHint')}</p>} nav={nav} footer={<OnScreenKeyboard t={t} layouts={searchLayouts(language)} value={name} max={80} onChange={setName} />}>
      <div class="code-entry booking-step" data-step="name">
        <SearchInput value={name} label={t('booking:screen.nameTitle')} max={80} testId="name-input" onChange={setName} onEnter={() => onName(name.trim() || undefined)} />
        <div class="actions">
          <button type="button" class="tile secondary" data-action="skip" onClick={() => onName(undefined)}>
            {t('booking:screen.skip')}
          </button>
          <button type="button" class="tile primary" data-action="next" disabled={!name.trim()} onClick={() => onName(name.trim())}>
            {t('booking:screen.next')}
          </button>
        </div>
      </div>
    </Screen>
  );
}

/** The summary (masked), the consent text with the retention days, and the one button that sends. */
export function ConsentStep(props: { t: TFunction; title: string; nav: ComponentChildren; summary: [string, string][]; text: string; agree: string; busy: boolean; error?: string; onAgree: () => void }) {
  const { t } = props;
  return (
    <Screen title={props.title} nav={props.nav}>
      <section class="booking-step" data-step="consent">
        <dl class="facts" data-testid="booking-summary">
          {props.summary.map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
        </dl>
        <h2>{t('booking:screen.consentTitle')}</h2>
        <p class="lead" data-testid="consent-text">
          {props.text}
        </p>
        {props.error && (
          <p class="notice error" role="alert" data-code={props.error}>
            {t(`errors:${props.error}`)}
          </p>
        )}
        <button type="button" class="tile primary" data-action="agree" disabled={props.busy} onClick={props.onAgree}>
          {props.busy ? t('booking:screen.busy') : props.agree}
        </button>
      </section>
    </Screen>
  );
}

/** Booking needs the center: say so, and offer a queue ticket in one tap. */
export function NeedsCenter({ t, title, code, nav, onTicket }: { t: TFunction; title: string; code: string; nav: ComponentChildren; onTicket: () => void }) {
  return (
    <Screen title={title} nav={nav}>
      <section class="refusal" data-testid="booking-offline" data-code={code}>
        <p class="notice error" role="alert">
          {t(`errors:${code}`)}
        </p>
        <button type="button" class="tile primary" data-action="take-ticket" onClick={onTicket}>
          {t('booking:screen.needsCenterTicket')}
        </button>
      </section>
    </Screen>
  );
}
