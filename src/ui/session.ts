/**
 * The hooks behind App: what the app learns from the controller, and a visitor's session (its
 * screens, language, text size, priority group, error and idle phase), which is dropped whole when
 * it ends so nothing of one visitor reaches the next.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_LANGUAGE, type Catalog, type ErrorCode, type Language, type UiSettings } from '../contract';
import { ApiCallError, type ApiClient, type ConnectionState } from './api-client';
import type { Screen } from './app';
import { isQueueRefusal } from './format';
import { browserTimers, IdleWatch, type IdlePhase } from './idle';
import type { Guide } from './journey';

const DEFAULT_UI: UiSettings = { dpi: 102, idleSeconds: 60, moreTimeSeconds: 30 };

/** The connection, the catalog, the screen settings and the guide, fetched again on each (re)connection. */
export function useControllerData(api: ApiClient, onCatalogError: () => void) {
  const [connection, setConnection] = useState<ConnectionState>(api.state);
  const [catalog, setCatalog] = useState<Catalog | undefined>();
  const [ui, setUi] = useState<UiSettings>(DEFAULT_UI);
  const [guide, setGuide] = useState<Guide | undefined>();
  useEffect(() => {
    const off = api.onState(setConnection);
    // the socket may have opened between the first render and this effect
    setConnection(api.state);
    return off;
  }, [api]);
  useEffect(() => {
    if (connection !== 'open') return;
    api.call('hello', { client: 'touchscreen' }).then((h) => setUi(h.ui), () => undefined);
    api.call('catalog.get', {}).then(setCatalog, onCatalogError);
    api.call('procedure.list', {}).then(setGuide, () => undefined);
  }, [api, connection]);
  return { connection, catalog, ui, guide };
}

/** Everything one visitor's session holds, and the ways to move through its screens. */
export function useSession() {
  const [language, setLanguage] = useState<Language>(DEFAULT_LANGUAGE);
  const [inSession, setInSession] = useState(false);
  const [stack, setStack] = useState<Screen[]>([{ name: 'home' }]);
  const [largeText, setLargeText] = useState(false);
  const [priority, setPriority] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | undefined>();
  const [idle, setIdle] = useState<IdlePhase>('active');
  /** A tap on the attract screen before the catalog has arrived: the session starts when it does. */
  const [pendingStart, setPendingStart] = useState<Language | undefined>();
  const watch = useRef<IdleWatch | undefined>(undefined);

  const endSession = () => {
    watch.current?.stop();
    setInSession(false);
    setStack([{ name: 'home' }]);
    setLanguage(DEFAULT_LANGUAGE);
    setLargeText(false);
    setPriority(undefined);
    setError(undefined);
    setIdle('active');
  };
  const push = (s: Screen) => {
    setError(undefined);
    setStack((st) => [...st, s]);
  };
  const replace = (s: Screen) => setStack((st) => [...st.slice(0, -1), s]);
  const back = () => {
    setError(undefined);
    setStack((st) => (st.length > 1 ? st.slice(0, -1) : st));
  };
  return {
    language, setLanguage, inSession, setInSession, stack, setStack, largeText, setLargeText, priority, setPriority,
    busy, setBusy, error, setError, idle, setIdle, pendingStart, setPendingStart, watch, endSession, push, replace, back,
  };
}

export type Session = ReturnType<typeof useSession>;

/** A tap that waited for the catalog starts its session once the catalog is there. */
export function usePendingStart(session: Session, catalog: Catalog | undefined): void {
  const { pendingStart, setLanguage, setInSession, setPendingStart } = session;
  useEffect(() => {
    if (!catalog || !pendingStart) return;
    setLanguage(pendingStart);
    setInSession(true);
    setPendingStart(undefined);
  }, [catalog, pendingStart]);
}

/** In a session, touches and keys keep it alive; silence asks for more time, then ends it. */
export function useIdleWatch(session: Session, ui: UiSettings): void {
  const { inSession, watch, endSession, setIdle } = session;
  useEffect(() => {
    if (!inSession) return;
    const w = new IdleWatch(ui.idleSeconds * 1000, ui.moreTimeSeconds * 1000, browserTimers, (p) => (p === 'expired' ? endSession() : setIdle(p)));
    watch.current = w;
    w.start();
    const touch = () => w.activity();
    window.addEventListener('pointerdown', touch, true);
    window.addEventListener('keydown', touch, true);
    return () => {
      w.stop();
      window.removeEventListener('pointerdown', touch, true);
      window.removeEventListener('keydown', touch, true);
    };
  }, [inSession, ui]);
}

/**
 * A layout effect: the page's language changes in the same task as its text, so a screen reader
 * (and a test) never meets Vietnamese words under a Japanese lang attribute.
 */
export function useDocumentLanguage(language: Language, largeText: boolean): void {
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.classList.toggle('large-text', largeText);
  }, [language, largeText]);
}

/** Issues a ticket (one at a time): the ticket screen on success, the refusal screen or an error notice otherwise. */
export function takeNumberWith(api: ApiClient, session: Session) {
  const { busy, setBusy, setError, setStack, push, language } = session;
  return async (serviceId: string, categoryId: string | undefined) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.call('ticket.issue', { serviceId, language, ...(categoryId ? { categoryId } : {}) });
      setStack([{ name: 'home' }, { name: 'ticket', result }]);
    } catch (e) {
      const failure = e instanceof ApiCallError ? e.error : { code: 'INTERNAL_ERROR' as const };
      if (isQueueRefusal(failure.code)) push({ name: 'refusal', code: failure.code, ...(failure.nextOpeningAt ? { nextOpeningAt: failure.nextOpeningAt } : {}) });
      else setError(failure.code);
    } finally {
      setBusy(false);
    }
  };
}
