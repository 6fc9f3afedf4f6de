import type { TFunction } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import type { DossierLookupResponse, Language } from '../../contract';
import { ApiCallError, type ApiClient } from '../api-client';
import { CameraScanner } from '../components/camera-scanner';
import { Icon } from '../components/icon';
import { OnScreenKeyboard } from '../components/keyboard';
import { Screen } from '../components/screen';
import { SearchInput } from '../components/search-box';
import { useWedgeScan } from '../wedge';
import { centerDate } from './appointment';

interface Props {
  t: TFunction;
  api: ApiClient;
  language: Language;
  /** A code scanned before this screen opened (a wedge scan on home). */
  initialText?: string;
  onPickupTicket: (serviceId: string) => void;
  /** "Additional papers" and "returned": a number for the counter, where the officer explains. */
  onCounterTicket: (serviceId: string) => void;
  nav: preact.ComponentChildren;
}

type State = { step: 'enter' } | { step: 'checking' } | { step: 'found'; result: DossierLookupResponse } | { step: 'failed'; code: string };

const MAX_CODE = 40;

/** Switches between typing the code (with the keyboard) and the camera. */
function EntryFooter({ t, camera, code, onCamera, onCode }: { t: TFunction; camera: boolean; code: string; onCamera: (camera: boolean) => void; onCode: (code: string) => void }) {
  return (
    <>
      <button type="button" class="tile secondary switch-entry" data-action={camera ? 'type-code' : 'use-camera'} onClick={() => onCamera(!camera)}>
        <Icon name={camera ? 'keyboard' : 'scan'} /> {t(camera ? 'dossier.typeInstead' : 'dossier.cameraInstead')}
      </button>
      {!camera && <OnScreenKeyboard t={t} layouts={['code']} value={code} max={MAX_CODE} onChange={onCode} />}
    </>
  );
}

function CodeEntry({ t, code, onCode, onSubmit }: { t: TFunction; code: string; onCode: (code: string) => void; onSubmit: (code: string) => void }) {
  return (
    <div class="code-entry">
      <SearchInput value={code} label={t('dossier.label')} max={MAX_CODE} testId="dossier-input" onChange={onCode} onEnter={() => onSubmit(code)} />
      <button type="button" class="tile primary" data-action="look-up" disabled={!code.trim()} onClick={() => onSubmit(code)}>
        {t('dossier.lookUp')}
      </button>
    </div>
  );
}

function LookupFailed({ t, code, onAgain }: { t: TFunction; code: string; onAgain: () => void }) {
  return (
    <section class="dossier" data-testid="dossier-result" data-code={code}>
      <p class="notice error" role="alert">
        {t(`errors:${code}`)}
      </p>
      <button type="button" class="tile secondary" data-action="again" onClick={onAgain}>
        {t('dossier.again')}
      </button>
    </section>
  );
}

interface FoundProps extends Pick<Props, 't' | 'language' | 'onPickupTicket' | 'onCounterTicket'> {
  result: DossierLookupResponse;
  onAgain: () => void;
}

/** The dossier's status and dates, with the ticket its status calls for. */
function DossierFound({ t, language, result, onPickupTicket, onCounterTicket, onAgain }: FoundProps) {
  const { dossier, pickupServiceId } = result;
  return (
    <section class="dossier" aria-live="polite" data-testid="dossier-result" data-status={dossier.status}>
      <p class="lead">{dossier.code}</p>
      <p class="lead">{dossier.maskedName}</p>
      <p class="notice" role="status">
        {t(`dossier.status.${dossier.status}`)}
      </p>
      <p class="lead">
        {t('dossier.dates', {
          received: centerDate(`${dossier.receivedDay}T12:00:00+07:00`, language),
          due: centerDate(`${dossier.dueDay}T12:00:00+07:00`, language),
        })}
      </p>
      <div class="actions">
        {!pickupServiceId && (dossier.status === 'additional-documents-required' || dossier.status === 'returned') && (
          <button type="button" class="tile primary" data-action="counter-ticket" onClick={() => onCounterTicket(dossier.serviceId)}>
            {t('dossier.takeCounter')}
          </button>
        )}
        {pickupServiceId && (
          <button type="button" class="tile primary" data-action="pickup-ticket" onClick={() => onPickupTicket(pickupServiceId)}>
            {t('dossier.takePickup')}
          </button>
        )}
        <button type="button" class="tile secondary" data-action="again" onClick={onAgain}>
          {t('dossier.again')}
        </button>
      </div>
    </section>
  );
}

/** Looks a code up at the center, and the scan that opened the screen, once. */
function useLookup(api: ApiClient, language: Language, initialText: string | undefined) {
  const [state, setState] = useState<State>(initialText ? { step: 'checking' } : { step: 'enter' });
  const submit = async (text: string) => {
    if (!text.trim()) return;
    setState({ step: 'checking' });
    try {
      setState({ step: 'found', result: await api.call('dossier.lookup', { text: text.slice(0, 2048), language }) });
    } catch (e) {
      setState({ step: 'failed', code: e instanceof ApiCallError ? e.error.code : 'INTERNAL_ERROR' });
    }
  };
  useEffect(() => {
    if (initialText) void submit(initialText);
    // the scan that opened the screen, once
  }, []);
  useWedgeScan(state.step === 'enter', (text) => void submit(text));
  return { state, setState, submit };
}

/**
 * Dossier look-up: scan the receipt's QR (scanner or camera) or type the code on the on-screen
 * keyboard; the center's status is explained with what to do next, and a dossier ready for
 * pick-up offers the result-pickup ticket.
 */
export function DossierScreen({ t, api, language, initialText, onPickupTicket, onCounterTicket, nav }: Props) {
  const [code, setCode] = useState('');
  const [camera, setCamera] = useState(false);
  const { state, setState, submit } = useLookup(api, language, initialText);
  const again = () => {
    setCode('');
    setState({ step: 'enter' });
  };

  return (
    <Screen
      title={t('dossier.title')}
      info={state.step === 'enter' && <p class="lead">{t('dossier.hint')}</p>}
      nav={nav}
      footer={state.step === 'enter' && <EntryFooter t={t} camera={camera} code={code} onCamera={setCamera} onCode={setCode} />}
    >
      {state.step === 'enter' && camera && <CameraScanner t={t} onCode={(text) => void submit(text)} />}
      {state.step === 'enter' && !camera && <CodeEntry t={t} code={code} onCode={setCode} onSubmit={(text) => void submit(text)} />}
      {state.step === 'checking' && (
        <p class="notice" role="status">
          {t('dossier.checking')}
        </p>
      )}
      {state.step === 'failed' && <LookupFailed t={t} code={state.code} onAgain={again} />}
      {state.step === 'found' && <DossierFound t={t} language={language} result={state.result} onPickupTicket={onPickupTicket} onCounterTicket={onCounterTicket} onAgain={again} />}
    </Screen>
  );
}
