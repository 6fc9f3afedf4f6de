import type { i18n, TFunction } from 'i18next';
import type { VNode } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BookingOptions, Catalog, ErrorCode, Language, Procedure, UiSettings } from '../contract';
import type { ApiClient, ConnectionState } from './api-client';
import { CenterLinkNotice } from './components/center-link';
import { ConnectionNotice } from './components/connection-notice';
import { MoreTimePrompt } from './components/more-time';
import { procedureSpeech, ReadAloudButton, useVoice, type SpeakingBannerState } from './components/voice';
import { claimableCategories, PriorityChoice } from './components/priority-choice';
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
import { takeNumberWith, useControllerData, useDocumentLanguage, useIdleWatch, usePendingStart, useSession, type Session } from './session';

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

/** Connection, center link and "speaking" banner: shown over every screen, the attract screen too. */
function StatusNotices({ api, i18n, t, connection, language, banner }: { api: ApiClient; i18n: i18n; t: TFunction; connection: ConnectionState; language: Language; banner: SpeakingBannerState }) {
  return (
    <>
      <ConnectionNotice i18n={i18n} connection={connection} language={language} />
      <CenterLinkNotice api={api} t={t} connection={connection} />
      {banner !== 'none' && <SpeakingBanner t={t} state={banner} onStop={() => void api.call('voice.stop', {}).catch(() => undefined)} />}
    </>
  );
}

/** A session begins in the language tapped (or woken in); a tap before the catalog waits for it. */
function startSessionWith(session: Session, catalog: Catalog | undefined) {
  return (l: Language) => {
    // a visitor who taps while the robot is still loading is not ignored: the tap waits
    if (!catalog) return session.setPendingStart(l);
    session.setLanguage(l);
    session.setInSession(true);
  };
}

/** A scan at scanner speed on the idle, home or search screen starts check-in (or a dossier look-up). */
function useScanToStart(api: ApiClient, session: Session, catalog: Catalog | undefined, screen: Screen): void {
  useWedgeScan(!!catalog && (!session.inSession || screen.name === 'home' || screen.name === 'search-service'), (text) => {
    // a technician's badge goes to the controller, whose code.scanned event opens service mode
    if (text.trim().startsWith('LR1B.')) return void api.call('code.submit', { text: text.trim(), source: 'wedge' }).catch(() => undefined);
    session.setInSession(true);
    // a ticket's own QR opens its rating (issue 18)
    session.setStack([{ name: 'home' }, isTicketLink(text) ? { name: 'rating', text } : screenForScan(text)]);
  });
}

interface JourneyParts {
  api: ApiClient;
  session: Session;
  t: TFunction;
  catalog: Catalog;
  guide: Guide | undefined;
  ui: UiSettings;
  speakerReady: boolean;
}

/** What the screens of a session get: its texts, data, navigation bar and commands. */
function journeyContext({ api, session, t, catalog, guide, ui, speakerReady }: JourneyParts): JourneyContext {
  const { language, stack, largeText, priority, busy, push, replace, endSession } = session;
  const takeNumber = takeNumberWith(api, session);
  const nav = <NavBar t={t} canGoBack={stack.length > 1} largeText={largeText} language={language} onBack={session.back} onLargeText={session.setLargeText} onLanguage={session.setLanguage} onEnd={endSession} />;
  const categories = claimableCategories(catalog.priorityCategories);
  return {
    t, language, catalog, guide, ui, api, nav, busy, push, replace, endSession,
    takeNumber: (serviceId, categoryId) => void takeNumber(serviceId, categoryId),
    chooseService: (serviceId) => (categories.length > 0 ? push({ name: 'priority', serviceId }) : void takeNumber(serviceId, undefined)),
    priority,
    priorityChoice: categories.length > 0 ? <PriorityChoice t={t} language={language} categories={categories} value={priority} onChange={session.setPriority} /> : null,
    callStaff: (reason, ticketId) => api.call('staff.call', { reason, language, ...(ticketId ? { ticketId } : {}) }),
    readAloud: (text) => (speakerReady ? <ReadAloudButton api={api} language={language} label={t('voice.readAloud')} text={text} onError={session.setError} /> : null),
  };
}

/**
 * Renders the controller's state and sends commands; no business rules live here. A session
 * starts at the attract screen and everything it held is dropped when it returns there.
 */
export function App({ api, i18n }: { api: ApiClient; i18n: i18n }) {
  const session = useSession();
  const { language, inSession, stack, error, idle, watch, endSession } = session;
  const { connection, catalog, ui, guide } = useControllerData(api, () => session.setError('INTERNAL_ERROR'));
  usePendingStart(session, catalog);
  useIdleWatch(session, ui);
  useDocumentLanguage(language, session.largeText);

  const lobbyStatus = useLobbyStatus(api, connection);
  const [present, setPresent] = useState(false);
  useEffect(() => api.on('presence.changed', (p) => setPresent(p.present)), [api]);
  const voice = useVoice(api, { connection, language, inSession, onWake: (l) => { if (!inSession && catalog) { session.setLanguage(l); session.setInSession(true); } } });

  const tFor = useMemo(() => (l: Language) => i18n.getFixedT(l), [i18n]);
  const t = tFor(language);
  const screen = stack[stack.length - 1]!;
  useScanToStart(api, session, catalog, screen);

  const status = <StatusNotices api={api} i18n={i18n} t={t} connection={connection} language={language} banner={voice.banner} />;
  const lobby = catalog ? { t, language, catalog, ...lobbyStatus } : null;
  // technicians: a 5 s press in the top-left corner or a badge scan opens service mode over any screen
  const service = <ServiceEntry api={api} i18n={i18n} />;
  if (!inSession || !catalog) {
    return (
      <LobbyContext.Provider value={lobby}>
        {service}
        {status}
        <AttractScreen tFor={tFor} present={present} onStart={startSessionWith(session, catalog)} />
      </LobbyContext.Provider>
    );
  }

  const ctx = journeyContext({ api, session, t, catalog, guide, ui, speakerReady: voice.speakerReady });
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
