import type { TFunction } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import type { AppointmentCheckInResponse, Catalog, Language } from '../../contract';
import { isAppointmentCandidate } from '../../core/codes/appointment-code';
import { ApiCallError, type ApiClient } from '../api-client';
import { centerDate, centerTime } from '../format';
import { CameraScanner } from '../components/camera-scanner';
import { Icon } from '../components/icon';
import { OnScreenKeyboard } from '../components/keyboard';
import { Screen } from '../components/screen';
import { SearchInput } from '../components/search-box';
import { useWedgeScan } from '../wedge';

/** Where a code scanned outside these screens (home, search) leads: check-in or dossier look-up. */
export function screenForScan(text: string): { name: 'appointment'; text: string } | { name: 'dossier'; text: string } {
  return isAppointmentCandidate(text.trim()) ? { name: 'appointment', text } : { name: 'dossier', text };
}

// the center's clock, 00–23 in every language (issue 16 point 15); kept exported here for dossier.tsx
export { centerDate, centerTime };

interface Props {
  t: TFunction;
  api: ApiClient;
  catalog: Catalog;
  language: Language;
  /** A code scanned before this screen opened (a wedge scan on home). */
  initialText?: string;
  onRegularTicket: (serviceId: string) => void;
  onDone: () => void;
  nav: preact.ComponentChildren;
}

const MAX_CODE = 40;

type State = { step: 'scan' } | { step: 'checking' } | { step: 'done'; result: AppointmentCheckInResponse } | { step: 'failed'; code: string };

/** Switches between the camera and typing the code, with the keyboard while typing. */
function EntryFooter({ t, typing, code, onTyping, onCode }: { t: TFunction; typing: boolean; code: string; onTyping: (typing: boolean) => void; onCode: (code: string) => void }) {
  return (
    <>
      <button type="button" class="tile secondary switch-entry" data-action={typing ? 'use-camera' : 'type-code'} onClick={() => onTyping(!typing)}>
        <Icon name={typing ? 'scan' : 'keyboard'} /> {t(typing ? 'appointment.cameraInstead' : 'appointment.typeInstead')}
      </button>
      {typing && <OnScreenKeyboard t={t} layouts={['code']} value={code} max={MAX_CODE} onChange={onCode} />}
    </>
  );
}

/** The typed booking code and its check-in button. */
function CodeEntry({ t, code, onCode, onSubmit }: { t: TFunction; code: string; onCode: (code: string) => void; onSubmit: (code: string) => void }) {
  return (
    <div class="code-entry">
      <SearchInput value={code} label={t('appointment.codeLabel')} max={MAX_CODE} testId="appointment-input" onChange={onCode} onEnter={() => onSubmit(code)} />
      <button type="button" class="tile primary" data-action="check-in" disabled={!code.trim()} onClick={() => onSubmit(code)}>
        {t('appointment.checkIn')}
      </button>
    </div>
  );
}

function CheckFailed({ t, code, onRescan }: { t: TFunction; code: string; onRescan: () => void }) {
  return (
    <section class="check-in" data-testid="appointment-result" data-outcome="error" data-code={code}>
      <p class="notice error" role="alert">
        {t(`errors:${code}`)}
      </p>
      <button type="button" class="tile secondary" data-action="rescan" onClick={onRescan}>
        {t('appointment.tryAgain')}
      </button>
    </section>
  );
}

/** The appointment ticket: who, which service, when, the number, the wait and whether it printed. */
function CheckedIn({ t, language, result, serviceName, onDone }: { t: TFunction; language: Language; result: Extract<AppointmentCheckInResponse, { outcome: 'checked-in' }>; serviceName?: string; onDone: () => void }) {
  return (
    <section class="ticket check-in" aria-live="polite" data-testid="appointment-result" data-outcome="checked-in">
      {result.maskedName && <p class="lead">{t('appointment.welcome', { name: result.maskedName })}</p>}
      <p class="lead">{serviceName}</p>
      <p class="lead">{t('appointment.checkedIn', { time: centerTime(result.slotStart, language) })}</p>
      <p class="ticket-number" data-testid="ticket-number">
        {result.ticket.display}
      </p>
      {result.wait && (
        <ul class="ticket-facts">
          <li data-testid="people-ahead">{result.wait.peopleAhead === 0 ? t('journey.ticket.next') : t('journey.ticket.peopleAhead', { count: result.wait.peopleAhead })}</li>
          {result.whereToGo && result.whereToGo.length > 0 && <li data-testid="where-to-go">{t('journey.ticket.whereToGo', { place: result.whereToGo.join(', ') })}</li>}
        </ul>
      )}
      <p class={result.printed ? 'notice' : 'notice error'} role={result.printed ? 'status' : 'alert'}>
        {result.printed ? t('ticket.printed') : t('ticket.printFailed')}
      </p>
      <button type="button" class="tile primary done" onClick={onDone}>
        {t('ticket.done')}
      </button>
    </section>
  );
}

/** Sends a scanned or typed code to the controller once, and the scan that opened the screen. */
function useCheckIn(api: ApiClient, language: Language, initialText: string | undefined) {
  const [state, setState] = useState<State>(initialText ? { step: 'checking' } : { step: 'scan' });
  const submit = async (text: string) => {
    setState({ step: 'checking' });
    try {
      setState({ step: 'done', result: await api.call('appointment.checkIn', { text: text.slice(0, 2048), language }) });
    } catch (e) {
      setState({ step: 'failed', code: e instanceof ApiCallError ? e.error.code : 'INTERNAL_ERROR' });
    }
  };
  useEffect(() => {
    if (initialText) void submit(initialText);
    // the scan that opened the screen, once
  }, []);
  useWedgeScan(state.step === 'scan', (text) => void submit(text));
  return { state, submit, rescan: () => setState({ step: 'scan' }) };
}

/**
 * Appointment check-in: the camera preview and the scanner hint while waiting for a code, then
 * the controller's answer — the appointment ticket, or the refusal with its next step.
 */
export function AppointmentScreen({ t, api, catalog, language, initialText, onRegularTicket, onDone, nav }: Props) {
  // the booking code on the confirmation (SMS, paper) can be typed when there is no QR to show
  const [typing, setTyping] = useState(false);
  const [code, setCode] = useState('');
  const { state, submit, rescan } = useCheckIn(api, language, initialText);

  const serviceName = (id?: string) => catalog.services.find((s) => s.id === id)?.name[language];
  return (
    <Screen
      title={t('appointment.title')}
      info={state.step === 'scan' && <p class="lead">{t(typing ? 'appointment.typeHint' : 'appointment.scanHint')}</p>}
      nav={nav}
      footer={state.step === 'scan' && <EntryFooter t={t} typing={typing} code={code} onTyping={setTyping} onCode={setCode} />}
    >
      {state.step === 'scan' && !typing && <CameraScanner t={t} onCode={(text) => void submit(text)} />}
      {state.step === 'scan' && typing && <CodeEntry t={t} code={code} onCode={setCode} onSubmit={(text) => void submit(text)} />}
      {state.step === 'checking' && (
        <p class="notice" role="status">
          {t('appointment.checking')}
        </p>
      )}
      {state.step === 'failed' && <CheckFailed t={t} code={state.code} onRescan={rescan} />}
      {state.step === 'done' && state.result.outcome === 'checked-in' && <CheckedIn t={t} language={language} result={state.result} serviceName={serviceName(state.result.serviceId)} onDone={onDone} />}
      {state.step === 'done' && state.result.outcome === 'refused' && <Refusal t={t} language={language} result={state.result} serviceName={serviceName(state.result.serviceId)} onRegularTicket={onRegularTicket} onRescan={rescan} onDone={onDone} />}
    </Screen>
  );
}

function Refusal({
  t, language, result, serviceName, onRegularTicket, onRescan, onDone,
}: {
  t: TFunction;
  language: Language;
  result: Extract<AppointmentCheckInResponse, { outcome: 'refused' }>;
  serviceName?: string;
  onRegularTicket: (serviceId: string) => void;
  onRescan: () => void;
  onDone: () => void;
}) {
  const comeBack = result.comeBackAt && (result.code === 'APPOINTMENT_WRONG_DAY' ? `${centerTime(result.comeBackAt, language)} ${centerDate(result.comeBackAt, language)}` : centerTime(result.comeBackAt, language));
  return (
    <section class="check-in" data-testid="appointment-result" data-outcome="refused" data-code={result.code} data-next-step={result.nextStep}>
      <p class="notice error" role="alert">
        {t(`errors:${result.code}`)}
      </p>
      {serviceName && <p class="lead">{serviceName}</p>}
      <p class="lead" data-testid="next-step">
        {result.nextStep === 'come-back' && t('appointment.comeBack', { time: comeBack })}
        {result.nextStep === 'regular-ticket' && t('appointment.regularTicket')}
        {result.nextStep === 'ask-staff' && t('appointment.askStaff')}
        {result.nextStep === 'rescan' && t('appointment.rescan')}
      </p>
      <div class="actions">
        {result.nextStep === 'regular-ticket' && result.serviceId && (
          <button type="button" class="tile primary" data-action="regular-ticket" onClick={() => onRegularTicket(result.serviceId!)}>
            {t('appointment.takeRegular')}
          </button>
        )}
        {(result.nextStep === 'rescan' || result.code === 'APPOINTMENT_NOT_FOUND') && (
          <button type="button" class="tile primary" data-action="rescan" onClick={onRescan}>
            {t('appointment.tryAgain')}
          </button>
        )}
        <button type="button" class="tile secondary" data-action="done" onClick={onDone}>
          {t('ticket.done')}
        </button>
      </div>
    </section>
  );
}
