import type { i18n } from 'i18next';
import type { VNode } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFAULT_LANGUAGE, type BookingOptions, type Catalog, type ErrorCode, type Language, type Procedure, type UiSettings } from '../contract';
import { ApiCallError, type ApiClient, type ConnectionState } from './api-client';
import { CenterLinkNotice } from './components/center-link';
import { ConnectionNotice } from './components/connection-notice';
import { MoreTimePrompt } from './components/more-time';
import { procedureSpeech, ReadAloudButton, useVoice } from './components/voice';
import { claimableCategories, PriorityChoice } from './components/priority-choice';
import { isQueueRefusal } from './format';
import { browserTimers, IdleWatch, type IdlePhase } from './idle';
import type { Guide, IssueResult, JourneyContext } from './journey';
import { LobbyContext, useLobbyStatus } from './lobby';
import { NavBar, SpeakingBanner } from './components/nav-bar';
import { AttractScreen } from './screens/attract';
import { GuideDetailScreen, GuideListScreen } from './screens/guide';
import { HomeScreen, type HomeAction } from './screens/home';
import { PriorityScreen } from './screens/priority';
import { RefusalScreen } from './screens/refusal';
import { SearchScreen } from './screens/search';
import { ServicesScreen } from './screens/services';
import { StaffCalledScreen, StaffConfirmScreen } from './screens/staff';
import { TicketScreen } from './screens/ticket';
import { ServiceEntry } from './service/entry';
import { AppointmentScreen, screenForScan } from './screens/appointment';
import { DossierScreen } from './screens/dossier';
import { isTicketLink, RatingScreen } from './screens/rating';
import { useWedgeScan } from './wedge';
import { BookingScreen } from './screens/booking';
import { HomeVisitScreen } from './screens/home-visit';

/** Every screen of a session; a new journey adds its screen here, in SCREENS and (maybe) in HOME_ACTIONS. */
export type Screen =
  | { name: 'home' }
  | { name: 'services'; fieldId: string }
  | { name: 'search-service' }
  | { name: 'priority'; serviceId: string }
  | { name: 'guide' }
  | { name: 'search-procedure' }
  | { name: 'procedure'; procedure: Procedure }
  | { name: 'ticket'; result: IssueResult }
  | { name: 'refusal'; code: ErrorCode; nextOpeningAt?: string }
  | { name: 'staff' }
  | { name: 'staff-called' }
  | { name: 'appointment'; text?: string }
  | { name: 'dossier'; text?: string }
  | { name: 'rating'; text: string }
  | { name: 'book-service' }
  | { name: 'book'; serviceId: string; procedureId?: string }
  | { name: 'home-visit'; serviceId: string; procedureId?: string; options: BookingOptions };

type ScreenName = Screen['name'];
type Render<N extends ScreenName> = (screen: Extract<Screen, { name: N }>, ctx: JourneyContext) => VNode | null | undefined;

/** Which component draws each screen. */
const SCREENS: { [N in ScreenName]: Render<N> } = {
  home: (_, ctx) => <HomeScreen t={ctx.t} catalog={ctx.catalog} language={ctx.language} actions={homeActions(ctx)} onField={(fieldId) => ctx.push({ name: 'services', fieldId })} onAction={(a) => openHomeAction(a, ctx)} nav={ctx.nav} />,
  services: (s, ctx) => <ServicesScreen t={ctx.t} catalog={ctx.catalog} language={ctx.language} fieldId={s.fieldId} busy={ctx.busy} onService={(id) => ctx.takeNumber(id, ctx.priority)} before={ctx.priorityChoice} nav={ctx.nav} />,
  'search-service': (_, ctx) => <SearchScreen t={ctx.t} language={ctx.language} title={ctx.t('search.serviceTitle')} items={ctx.catalog.services} onPick={(s) => ctx.chooseService(s.id)} nav={ctx.nav} />,
  priority: (s, ctx) => <PriorityScreen ctx={ctx} serviceId={s.serviceId} />,
  guide: (_, ctx) => ctx.guide && <GuideListScreen t={ctx.t} catalog={ctx.catalog} guide={ctx.guide} language={ctx.language} onOpen={(procedure) => ctx.push({ name: 'procedure', procedure })} onSearch={() => ctx.push({ name: 'search-procedure' })} nav={ctx.nav} />,
  'search-procedure': (_, ctx) => ctx.guide && <SearchScreen t={ctx.t} language={ctx.language} title={ctx.t('guide.title')} items={ctx.guide.procedures} onPick={(procedure) => ctx.push({ name: 'procedure', procedure })} nav={ctx.nav} />,
  procedure: (s, ctx) => ctx.guide && <GuideDetailScreen t={ctx.t} guide={ctx.guide} procedure={s.procedure} language={ctx.language} onTakeNumber={ctx.chooseService} onBook={(p) => ctx.push({ name: 'book', serviceId: p.serviceId, procedureId: p.id })} nav={<>{ctx.nav}{ctx.readAloud(() => procedureSpeech(ctx.t, s.procedure, ctx.language))}</>} />,
  ticket: (s, ctx) => <TicketScreen ctx={ctx} result={s.result} />,
  refusal: (s, ctx) => <RefusalScreen ctx={ctx} code={s.code} nextOpeningAt={s.nextOpeningAt} />,
  staff: (_, ctx) => <StaffConfirmScreen ctx={ctx} />,
  'staff-called': (_, ctx) => <StaffCalledScreen ctx={ctx} />,
  appointment: (s, ctx) => <AppointmentScreen key={s.text ?? ''} t={ctx.t} api={ctx.api} catalog={ctx.catalog} language={ctx.language} initialText={s.text} onRegularTicket={(id) => ctx.takeNumber(id, undefined)} onDone={ctx.endSession} nav={ctx.nav} />,
  rating: (s, ctx) => <RatingScreen key={s.text} ctx={ctx} text={s.text} />,
  'book-service': (_, ctx) => <SearchScreen t={ctx.t} language={ctx.language} title={ctx.t('booking:screen.chooseService')} items={ctx.catalog.services} onPick={(s) => ctx.push({ name: 'book', serviceId: s.id })} nav={ctx.nav} />,
  book: (s, ctx) => <BookingScreen key={s.serviceId} ctx={ctx} serviceId={s.serviceId} procedureId={s.procedureId} onHomeVisit={(options) => ctx.push({ name: 'home-visit', serviceId: s.serviceId, procedureId: s.procedureId, options })} />,
  'home-visit': (s, ctx) => <HomeVisitScreen ctx={ctx} serviceId={s.serviceId} procedureId={s.procedureId} options={s.options} />,
  dossier: (s, ctx) => <DossierScreen key={s.text ?? ''} t={ctx.t} api={ctx.api} language={ctx.language} initialText={s.text} onPickupTicket={(id) => ctx.takeNumber(id, undefined)} onCounterTicket={ctx.chooseService} nav={ctx.nav} />,
};

/** The home screen's journeys besides the fields, in order; `when` hides one this robot cannot offer. */
const HOME_ACTIONS: { action: HomeAction; screen: Screen; when?: (ctx: JourneyContext) => boolean }[] = [
  { action: 'appointment', screen: { name: 'appointment' } },
  { action: 'dossier', screen: { name: 'dossier' } },
  { action: 'search', screen: { name: 'search-service' } },
  { action: 'book', screen: { name: 'book-service' } },
  { action: 'guide', screen: { name: 'guide' }, when: (ctx) => ctx.guide !== undefined },
  { action: 'staff', screen: { name: 'staff' } },
];
const homeActions = (ctx: JourneyContext) => HOME_ACTIONS.filter((a) => a.when?.(ctx) ?? true).map((a) => a.action);
const openHomeAction = (action: HomeAction, ctx: JourneyContext) => {
  const entry = HOME_ACTIONS.find((a) => a.action === action);
  if (entry) ctx.push(entry.screen);
};

function renderScreen(screen: Screen, ctx: JourneyContext): VNode | null | undefined {
  return (SCREENS[screen.name] as Render<ScreenName>)(screen, ctx);
}

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
  const [priority, setPriority] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | undefined>();
  const [idle, setIdle] = useState<IdlePhase>('active');
  const [guide, setGuide] = useState<Guide | undefined>();
  /** A tap on the attract screen before the catalog has arrived: the session starts when it does. */
  const [pendingStart, setPendingStart] = useState<Language | undefined>();
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

  useEffect(() => {
    if (!catalog || !pendingStart) return;
    setLanguage(pendingStart);
    setInSession(true);
    setPendingStart(undefined);
  }, [catalog, pendingStart]);

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

  // a layout effect: the page's language changes in the same task as its text, so a screen
  // reader (and a test) never meets Vietnamese words under a Japanese lang attribute
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.classList.toggle('large-text', largeText);
  }, [language, largeText]);

  const lobbyStatus = useLobbyStatus(api, connection);
  const [present, setPresent] = useState(false);
  useEffect(() => api.on('presence.changed', (p) => setPresent(p.present)), [api]);
  const voice = useVoice(api, { connection, language, inSession, onWake: (l) => { if (!inSession && catalog) { setLanguage(l); setInSession(true); } } });

  const tFor = useMemo(() => (l: Language) => i18n.getFixedT(l), [i18n]);
  const t = tFor(language);
  const screen = stack[stack.length - 1]!;
  const push = (s: Screen) => {
    setError(undefined);
    setStack((st) => [...st, s]);
  };
  const replace = (s: Screen) => setStack((st) => [...st.slice(0, -1), s]);
  const back = () => {
    setError(undefined);
    setStack((st) => (st.length > 1 ? st.slice(0, -1) : st));
  };
  // a scan at scanner speed on the idle, home or search screen starts check-in (or a dossier look-up)
  useWedgeScan(!!catalog && (!inSession || screen.name === 'home' || screen.name === 'search-service'), (text) => {
    // a technician's badge goes to the controller, whose code.scanned event opens service mode
    if (text.trim().startsWith('LR1B.')) return void api.call('code.submit', { text: text.trim(), source: 'wedge' }).catch(() => undefined);
    setInSession(true);
    // a ticket's own QR opens its rating (issue 18)
    setStack([{ name: 'home' }, isTicketLink(text) ? { name: 'rating', text } : screenForScan(text)]);
  });

  const takeNumber = async (serviceId: string, categoryId: string | undefined) => {
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

  const status = (
    <>
      <ConnectionNotice i18n={i18n} connection={connection} language={language} />
      <CenterLinkNotice api={api} t={t} connection={connection} />
      {voice.speaking && <SpeakingBanner t={t} onStop={() => void api.call('voice.stop', {}).catch(() => undefined)} />}
    </>
  );
  const lobby = catalog ? { t, language, catalog, ...lobbyStatus } : null;

  // technicians: a 5 s press in the top-left corner or a badge scan opens service mode over any screen
  const service = <ServiceEntry api={api} i18n={i18n} />;
  if (!inSession || !catalog) {
    return (
      <LobbyContext.Provider value={lobby}>
        {service}
        {status}
        <AttractScreen
          tFor={tFor}
          present={present}
          onStart={(l) => {
            // a visitor who taps while the robot is still loading is not ignored: the tap waits
            if (!catalog) return setPendingStart(l);
            setLanguage(l);
            setInSession(true);
          }}
        />
      </LobbyContext.Provider>
    );
  }

  const nav = <NavBar t={t} canGoBack={stack.length > 1} largeText={largeText} language={language} onBack={back} onLargeText={setLargeText} onLanguage={setLanguage} onEnd={endSession} />;

  const categories = claimableCategories(catalog.priorityCategories);
  const ctx: JourneyContext = {
    t, language, catalog, guide, ui, api, nav, busy, push, replace, endSession,
    takeNumber: (serviceId, categoryId) => void takeNumber(serviceId, categoryId),
    chooseService: (serviceId) => (categories.length > 0 ? push({ name: 'priority', serviceId }) : void takeNumber(serviceId, undefined)),
    priority,
    priorityChoice: categories.length > 0 ? <PriorityChoice t={t} language={language} categories={categories} value={priority} onChange={setPriority} /> : null,
    callStaff: (reason, ticketId) => api.call('staff.call', { reason, language, ...(ticketId ? { ticketId } : {}) }),
    readAloud: (text) => (voice.speakerReady ? <ReadAloudButton api={api} language={language} label={t('voice.readAloud')} text={text} onError={setError} /> : null),
  };

  return (
    <LobbyContext.Provider value={lobby}>
      {service}
      {status}
      {error && (
        <p class="notice error" role="alert" data-code={error}>
          {t(`errors:${error}`)}
        </p>
      )}
      {renderScreen(screen, ctx)}
      {idle === 'prompt' && <MoreTimePrompt t={t} seconds={ui.moreTimeSeconds} onMore={() => watch.current?.activity()} onEnd={endSession} />}
    </LobbyContext.Provider>
  );
}
