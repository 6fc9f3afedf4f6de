import type { TFunction } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import type { DossierLookupResponse, Language } from '../../contract';
import { ApiCallError, type ApiClient } from '../api-client';
import { CameraScanner } from '../components/camera-scanner';
import { OnScreenKeyboard } from '../components/keyboard';
import { Screen } from '../components/screen';
import { typedKey, useWedgeScan } from '../wedge';
import { centerDate } from './appointment';

interface Props {
  t: TFunction;
  api: ApiClient;
  language: Language;
  /** A code scanned before this screen opened (a wedge scan on home). */
  initialText?: string;
  onPickupTicket: (serviceId: string) => void;
  nav: preact.ComponentChildren;
}

type State = { step: 'enter' } | { step: 'checking' } | { step: 'found'; result: DossierLookupResponse } | { step: 'failed'; code: string };

const MAX_CODE = 40;

/**
 * Dossier look-up: scan the receipt's QR (scanner or camera) or type the code on the on-screen
 * keyboard; the center's status is explained with what to do next, and a dossier ready for
 * pick-up offers the result-pickup ticket.
 */
export function DossierScreen({ t, api, language, initialText, onPickupTicket, nav }: Props) {
  const [state, setState] = useState<State>(initialText ? { step: 'checking' } : { step: 'enter' });
  const [code, setCode] = useState('');

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
    <Screen title={t('dossier.title')} info={state.step === 'enter' && <p class="lead">{t('dossier.hint')}</p>} nav={nav}>
      {state.step === 'enter' && (
        <>
          <CameraScanner t={t} onCode={(text) => void submit(text)} />
          <div class="search-box">
            <label class="lead">
              {t('dossier.label')}
              <input
                class="search-input"
                readOnly
                value={code}
                maxLength={MAX_CODE}
                data-testid="dossier-input"
                onKeyDown={(e) => {
                  if (e.key === 'Enter') return void submit(code);
                  const next = typedKey(e, code, MAX_CODE);
                  if (next !== undefined) setCode(next);
                }}
              />
            </label>
            <button type="button" class="tile primary" data-action="look-up" disabled={!code.trim()} onClick={() => void submit(code)}>
              {t('dossier.lookUp')}
            </button>
            <OnScreenKeyboard t={t} onKey={(k) => setCode((code + k).slice(0, MAX_CODE))} onBackspace={() => setCode(code.slice(0, -1))} onClear={() => setCode('')} />
          </div>
        </>
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
