import type { i18n } from 'i18next';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LANGUAGES, type CommandResponse, type Language } from '../../contract';
import { LANGUAGE_NAMES } from '../languages';
import { ApiCallError, isUnanswered, type ApiClient } from '../api-client';
import { serviceT } from './i18n';
import { Panel, PANELS, type PanelName } from './panels';
import { PinPad } from './pin-pad';
import { sessionCall } from './session-api';
import { SERVICE_CSS } from './style';

type LoginFailure = Extract<CommandResponse<'service.login'>, { ok: false }>;

/** Keeps the server-side session alive while the technician touches the screen. */
const PING_EVERY_MS = 15_000;

/**
 * A touch or key at most every PING_EVERY_MS pings the session; a ping the controller refuses (the
 * session ended while the page was cut off, or the robot restarted) closes service mode. A ping
 * that got no answer says nothing about the session: the next touch asks again.
 */
function useKeepAlive(call: ReturnType<typeof sessionCall> | undefined, onClose: () => void): void {
  useEffect(() => {
    if (!call) return;
    let last = Date.now();
    const touch = () => {
      if (Date.now() - last < PING_EVERY_MS) return;
      last = Date.now();
      call('service.ping', {}).catch((e: unknown) => {
        if (isUnanswered(e)) last = 0;
        else onClose();
      });
    };
    window.addEventListener('pointerdown', touch, true);
    window.addEventListener('keydown', touch, true);
    return () => {
      window.removeEventListener('pointerdown', touch, true);
      window.removeEventListener('keydown', touch, true);
    };
  }, [call, onClose]);
}

/** The PIN login: the session on success, the failure (code, attempts left) otherwise. */
function useLogin(api: ApiClient, via: 'gesture' | 'badge') {
  const [session, setSession] = useState<string | undefined>();
  const [failure, setFailure] = useState<LoginFailure | undefined>();
  const [busy, setBusy] = useState(false);
  const login = async (pin: string) => {
    setBusy(true);
    try {
      const r = await api.call('service.login', { pin, via });
      if (r.ok) {
        setSession(r.session);
        setFailure(undefined);
      } else setFailure(r);
    } catch (e) {
      setFailure({ ok: false, code: e instanceof ApiCallError ? e.error.code : 'INTERNAL_ERROR', attemptsLeft: 0 });
    } finally {
      setBusy(false);
    }
  };
  return { session, failure, busy, login };
}

/** The tabs, the last error and the open panel. */
function Panels({ t, api, call, language }: { t: ReturnType<typeof serviceT>; api: ApiClient; call: ReturnType<typeof sessionCall>; language: Language }) {
  const [panel, setPanel] = useState<PanelName>('overview');
  const [error, setError] = useState<string | undefined>();
  const report = (e: unknown) => setError(e instanceof ApiCallError ? e.error.code : 'INTERNAL_ERROR');
  return (
    <>
      <nav class="service-tabs">
        {PANELS.map((p) => (
          <button type="button" data-panel={p} aria-pressed={panel === p} onClick={() => (setPanel(p), setError(undefined))}>
            {t(`tabs.${p}`)}
          </button>
        ))}
      </nav>
      {error && (
        <p class="notice error" role="alert" data-code={error}>
          {t(`errors:${error}`)}
        </p>
      )}
      <main class="service-panel" data-current-panel={panel}>
        <Panel name={panel} t={t} call={call} api={api} onError={report} clearError={() => setError(undefined)} language={language} />
      </main>
    </>
  );
}

/**
 * The technician UI: PIN, then panels. It covers the whole screen; the citizen app underneath
 * keeps running. The controller ends the session after inactivity and says so (service.ended).
 */
export function ServiceMode({ api, i18n, via, onClose }: { api: ApiClient; i18n: i18n; via: 'gesture' | 'badge'; onClose: () => void }) {
  // technicians usually work in Vietnamese; every string exists in the five languages
  const [language, setLanguage] = useState<Language>('vi');
  const t = useMemo(() => serviceT(i18n, language), [i18n, language]);
  const { session, failure, busy, login } = useLogin(api, via);
  const call = useMemo(() => (session ? sessionCall(api, session) : undefined), [api, session]);

  // before this screen has its session, an end is the previous session's (replaced by ours)
  useEffect(() => api.on('service.ended', () => session && onClose()), [api, onClose, session]);
  useKeepAlive(call, onClose);

  const logout = () => {
    if (call) call('service.logout', {}).catch(() => undefined);
    onClose();
  };

  return (
    <div class="service-mode" data-testid="service-mode" lang={language} onPointerDown={(e) => e.stopPropagation()} onClick={(e) => e.stopPropagation()}>
      <style>{SERVICE_CSS}</style>
      <header>
        <h1>{t('title')}</h1>
        <select aria-label={t('language')} value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value as Language)}>
          {LANGUAGES.map((l) => (
            <option value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        {session && (
          <button type="button" data-action="exit" onClick={logout}>
            {t('exit')}
          </button>
        )}
      </header>
      {!session || !call ? (
        <PinPad t={t} language={language} via={via} failure={failure} busy={busy} onSubmit={(pin) => void login(pin)} onCancel={onClose} />
      ) : (
        <Panels t={t} api={api} call={call} language={language} />
      )}
    </div>
  );
}
