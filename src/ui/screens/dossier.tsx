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

/**
 * Dossier look-up: scan the receipt's QR (scanner or camera) or type the code on the on-screen
 * keyboard; the center's status is explained with what to do next, and a dossier ready for
 * pick-up offers the result-pickup ticket.
 */
export function DossierScreen({ t, api, language, initialText, onPickupTicket, onCounterTicket, nav }: Props) {
  const [state, setState] = useState<State>(initialText ? { step: 'checking' } : { step: 'enter' });
  const [code, setCode] = useState('');
  const [camera, setCamera] = useState(false);

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
  const again = () => {
    setCode('');
    setState({ step: 'enter' });
  };

  return (
    <Screen
      title={t('dossier.title')}
      info={state.step === 'enter' && <p class="lead">{t('dossier.hint')}</p>}
      nav={nav}
      footer={
        state.step === 'enter' && (
          <>
            <button type="button" class="tile secondary switch-entry" data-action={camera ? 'type-code' : 'use-camera'} onClick={() => setCamera(!camera)}>
              <Icon name={camera ? 'keyboard' : 'scan'} /> {t(camera ? 'dossier.typeInstead' : 'dossier.cameraInstead')}
            </button>
            {!camera && <OnScreenKeyboard t={t} layouts={['code']} value={code} max={MAX_CODE} onChange={setCode} />}
          </>
        )
      }
    >
      {state.step === 'enter' && camera && <CameraScanner t={t} onCode={(text) => void submit(text)} />}
      {state.step === 'enter' && !camera && (
        <div class="code-entry">
          <SearchInput value={code} label={t('dossier.label')} max={MAX_CODE} testId="dossier-input" onChange={setCode} onEnter={() => void submit(code)} />
          <button type="button" class="tile primary" data-action="look-up" disabled={!code.trim()} onClick={() => void submit(code)}>
            {t('dossier.lookUp')}
          </button>
        </div>
      )}
      {state.step === 'checking' && (
        <p class="notice" role="status">
          {t('dossier.checking')}
        </p>
      )}
      {state.step === 'failed' && (
        <section class="dossier" data-testid="dossier-result" data-code={state.code}>
          <p class="notice error" role="alert">
            {t(`errors:${state.code}`)}
          </p>
          <button type="button" class="tile secondary" data-action="again" onClick={again}>
            {t('dossier.again')}
          </button>
        </section>
      )}
      {state.step === 'found' && (
        <section class="dossier" aria-live="polite" data-testid="dossier-result" data-status={state.result.dossier.status}>
          <p class="lead">{state.result.dossier.code}</p>
          <p class="lead">{state.result.dossier.maskedName}</p>
          <p class="notice" role="status">
            {t(`dossier.status.${state.result.dossier.status}`)}
          </p>
          <p class="lead">
            {t('dossier.dates', {
              received: centerDate(`${state.result.dossier.receivedDay}T12:00:00+07:00`, language),
              due: centerDate(`${state.result.dossier.dueDay}T12:00:00+07:00`, language),
            })}
          </p>
          <div class="actions">
            {!state.result.pickupServiceId && (state.result.dossier.status === 'additional-documents-required' || state.result.dossier.status === 'returned') && (
              <button type="button" class="tile primary" data-action="counter-ticket" onClick={() => onCounterTicket(state.result.dossier.serviceId)}>
                {t('dossier.takeCounter')}
              </button>
            )}
            {state.result.pickupServiceId && (
              <button type="button" class="tile primary" data-action="pickup-ticket" onClick={() => onPickupTicket(state.result.pickupServiceId!)}>
                {t('dossier.takePickup')}
              </button>
            )}
            <button type="button" class="tile secondary" data-action="again" onClick={again}>
              {t('dossier.again')}
            </button>
          </div>
        </section>
      )}
    </Screen>
  );
}
