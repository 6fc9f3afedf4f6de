import type { i18n } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFAULT_LANGUAGE, LANGUAGES, type Catalog, type CommandResponse, type Language, type Procedure, type UiSettings } from '../contract';
import { ApiCallError, type ApiClient, type ConnectionState } from './api-client';
import { MoreTimePrompt } from './components/more-time';
import { browserTimers, IdleWatch, type IdlePhase } from './idle';
import { LANGUAGE_NAMES } from './languages';
import { AttractScreen } from './screens/attract';
import { GuideDetailScreen, GuideListScreen } from './screens/guide';
import { HomeScreen, type HomeAction } from './screens/home';
import { SearchScreen } from './screens/search';
import { ServicesScreen } from './screens/services';
import { TicketScreen } from './screens/ticket';
import { AppointmentScreen, screenForScan } from './screens/appointment';
import { DossierScreen } from './screens/dossier';
import { useWedgeScan } from './wedge';

type Screen =
  | { name: 'home' }
  | { name: 'services'; fieldId: string }
  | { name: 'search-service' }
  | { name: 'guide' }
  | { name: 'search-procedure' }
  | { name: 'procedure'; procedure: Procedure }
  | { name: 'ticket'; result: CommandResponse<'ticket.issue'> }
  | { name: 'appointment'; text?: string }
  | { name: 'dossier'; text?: string };

const DEFAULT_UI: UiSettings = { dpi: 102, idleSeconds: 60, moreTimeSeconds: 30 };

/**
 * Renders the controller's state and sends commands; no business rules live here. A session
 * starts at the attract screen and everything it held is dropped when it returns there.
 */
export function App({ api, i18n }: { api: ApiClient; i18n: i18n }) {
  const [connection, setConnection] = useState<ConnectionState>(api.state);
  const [catalog, setCatalog] = useState<Catalog | undefined>();
  const [ui, setUi] = useState<UiSettings>(DEFAULT_UI);
  const [language, setLanguage] = useState<Language>(DEFAULT_LANGUAGE);
  const [inSession, setInSession] = useState(false);
  const [stack, setStack] = useState<Screen[]>([{ name: 'home' }]);
  const [largeText, setLargeText] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [idle, setIdle] = useState<IdlePhase>('active');
  const [guide, setGuide] = useState<CommandResponse<'procedure.list'> | undefined>();
  const watch = useRef<IdleWatch | undefined>(undefined);

  useEffect(() => {
    const off = api.onState(setConnection);
    // the socket may have opened between the first render and this effect
    setConnection(api.state);
    return off;
  }, [api]);
  useEffect(() => {
    if (connection !== 'open') return;
    api.call('hello', { client: 'touchscreen' }).then((h) => setUi(h.ui), () => undefined);
    api.call('catalog.get', {}).then(setCatalog, () => setError('INTERNAL_ERROR'));
    api.call('procedure.list', {}).then(setGuide, () => undefined);
  }, [api, connection]);

  const endSession = () => {
    watch.current?.stop();
    setInSession(false);
    setStack([{ name: 'home' }]);
    setLanguage(DEFAULT_LANGUAGE);
    setLargeText(false);
    setError(undefined);
    setIdle('active');
  };

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

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.classList.toggle('large-text', largeText);
  }, [language, largeText]);

  const tFor = useMemo(() => (l: Language) => i18n.getFixedT(l), [i18n]);
  const t = tFor(language);
  const screen = stack[stack.length - 1]!;
  const push = (s: Screen) => setStack((st) => [...st, s]);
  const back = () => setStack((st) => (st.length > 1 ? st.slice(0, -1) : st));
  // a scan at scanner speed on the idle, home or search screen starts check-in (or a dossier look-up)
  useWedgeScan(!!catalog && (!inSession || screen.name === 'home' || screen.name === 'search-service'), (text) => {
    setInSession(true);
    setStack([{ name: 'home' }, screenForScan(text)]);
  });

  const issue = async (serviceId: string) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.call('ticket.issue', { serviceId, language });
      setStack([{ name: 'home' }, { name: 'ticket', result }]);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.error.code : 'INTERNAL_ERROR');
    } finally {
      setBusy(false);
    }
  };

  const homeActions: HomeAction[] = guide ? ['appointment', 'dossier', 'search', 'guide'] : ['appointment', 'dossier', 'search'];
  const openAction = (a: HomeAction) => {
    if (a === 'search') push({ name: 'search-service' });
    if (a === 'guide') push({ name: 'guide' });
    if (a === 'appointment' || a === 'dossier') push({ name: a });
  };

  const status = connection !== 'open' && (
    <p class="connection notice" role="status">
      {t(connection === 'connecting' ? 'status.connecting' : 'status.disconnected')}
    </p>
  );

  if (!inSession || !catalog) {
    return (
      <>
        {status}
        <AttractScreen
          tFor={tFor}
          onStart={(l) => {
            if (!catalog) return;
            setLanguage(l);
            setInSession(true);
          }}
        />
      </>
    );
  }

  const nav = (
    <>
      {stack.length > 1 && (
        <button type="button" class="nav-button" data-nav="back" onClick={back}>
          {t('nav.back')}
        </button>
      )}
      <button type="button" class="nav-button" data-nav="large-text" aria-pressed={largeText} onClick={() => setLargeText(!largeText)}>
        {t('nav.largeText')}
      </button>
      <select class="nav-button" aria-label={t('home.language')} data-nav="language" value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value as Language)}>
        {LANGUAGES.map((l) => (
          <option value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="button" class="nav-button" data-nav="end" onClick={endSession}>
        {t('nav.end')}
      </button>
    </>
  );

  return (
    <>
      {status}
      {error && (
        <p class="notice error" role="alert" data-code={error}>
          {t(`errors:${error}`)}
        </p>
      )}
      {screen.name === 'home' && <HomeScreen t={t} catalog={catalog} language={language} actions={homeActions} onField={(fieldId) => push({ name: 'services', fieldId })} onAction={openAction} nav={nav} />}
      {screen.name === 'search-service' && <SearchScreen t={t} language={language} title={t('search.serviceTitle')} items={catalog.services} onPick={(s) => void issue(s.id)} nav={nav} />}
      {screen.name === 'guide' && guide && <GuideListScreen t={t} catalog={catalog} guide={guide} language={language} onOpen={(procedure) => push({ name: 'procedure', procedure })} onSearch={() => push({ name: 'search-procedure' })} nav={nav} />}
      {screen.name === 'search-procedure' && guide && <SearchScreen t={t} language={language} title={t('guide.title')} items={guide.procedures} onPick={(procedure) => push({ name: 'procedure', procedure })} nav={nav} />}
      {screen.name === 'procedure' && guide && <GuideDetailScreen t={t} guide={guide} procedure={screen.procedure} language={language} onTakeNumber={(id) => void issue(id)} nav={nav} />}
      {screen.name === 'services' && <ServicesScreen t={t} catalog={catalog} language={language} fieldId={screen.fieldId} busy={busy} onService={issue} nav={nav} />}
      {screen.name === 'appointment' && <AppointmentScreen key={stack.length} t={t} api={api} catalog={catalog} language={language} initialText={screen.text} onRegularTicket={(id) => void issue(id)} onDone={endSession} nav={nav} />}
      {screen.name === 'dossier' && <DossierScreen key={stack.length} t={t} api={api} language={language} initialText={screen.text} onPickupTicket={(id) => void issue(id)} nav={nav} />}
      {screen.name === 'ticket' && <TicketScreen t={t} catalog={catalog} language={language} result={screen.result} onDone={endSession} />}
      {idle === 'prompt' && <MoreTimePrompt t={t} seconds={ui.moreTimeSeconds} onMore={() => watch.current?.activity()} onEnd={endSession} />}
    </>
  );
}
