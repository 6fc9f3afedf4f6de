/**
 * The fleet page: each robot's number, last contact, clock difference, parts, outbox, maintenance,
 * re-enrolments and refused identity takeovers (issue 16); enrol and revoke.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DeviceHealth, FleetResponse, RevokeSessionsResponse } from '../../contract/sync';
import { centerDateTime } from '../../core/center-clock-format';
import { api, type PageErrorCode } from './api';
import { ErrorLine, Header, mount, usePage } from './frame';
import type { T } from './i18n';
import { SignOut, StaffGate, useStaff } from './staff-gate';

type Robot = FleetResponse['robots'][number];
const REFRESH_MS = 10_000;
const STALE_MS = 120_000;
const KNOWN_PARTS = ['printer', 'motion', 'store', 'microphone', 'wakeWord', 'speaker'];
const KNOWN_ACTIONS = ['audio', 'board', 'logs', 'network', 'pin', 'printer', 'settings', 'stats'];

function ago(t: T, ms: number | null, now: number): string {
  if (ms == null) return t('fleet.never');
  const s = Math.max(0, Math.round((now - ms) / 1000));
  return s < 120 ? t('fleet.secondsAgo', { count: s }) : t('fleet.minutesAgo', { count: Math.round(s / 60) });
}

/** "Printer: working", "Scanner 1: faulty — The printer is out of paper." — never a part's key or a code. */
function partLines(t: T, parts: DeviceHealth['parts']): string[] {
  let scanners = 0;
  let others = 0;
  return Object.entries(parts).map(([key, p]) => {
    const part = KNOWN_PARTS.includes(key) ? t(`fleet.part.${key}`)
      : key.startsWith('scanner:') ? t('fleet.part.scanner', { n: ++scanners }) : t('fleet.part.other', { n: ++others });
    const line = t('fleet.partLine', { part, state: t(`fleet.state.${p.state}`) });
    return p.code ? `${line} — ${t(`errors:${p.code}`, { defaultValue: t('common.failed') })}` : line;
  });
}

function actionName(t: T, action: string | null): string {
  const panel = action?.split('.')[1] ?? '';
  return t(`fleet.action.${KNOWN_ACTIONS.includes(panel) ? panel : 'other'}`);
}

/** Re-enrolments and refused takeovers of this robot's identity, times on the center's clock. */
function EnrolmentCell({ e }: { e: Robot['enrolment'] }) {
  const { t, language } = usePage();
  const when = (ms: number | null) => (ms == null ? '—' : centerDateTime(ms, language));
  const re = e?.reEnrolments ? t('fleet.reEnrolled', { count: e.reEnrolments, time: when(e.lastReEnrolledAt) }) : '';
  const refused = e?.refusedTakeovers ? t('fleet.refusedTakeovers', { count: e.refusedTakeovers, time: when(e.lastRefusedAt) }) : '';
  return (
    <td class="enrolment">
      {re && <div class="reenrolled">{re}</div>}
      {refused && <div class="refused stale">{refused}</div>}
      {!re && !refused && t('fleet.noEnrolmentEvents')}
    </td>
  );
}

function RobotRow({ r, now, revoke }: { r: Robot; now: number; revoke: (r: Robot) => void }) {
  const { t, language } = usePage();
  const stale = r.lastSeenAt == null || now - r.lastSeenAt > STALE_MS;
  const audit = r.audit?.count ? t('fleet.auditLine', { count: r.audit.count, action: actionName(t, r.audit.lastAction), time: ago(t, r.audit.lastAt, now) }) : t('fleet.noAudit');
  return (
    <tr class={r.revoked ? 'revoked' : ''}>
      <td>{t('counter.robot', { slot: r.robotSlot })}{r.revoked && <div>{t('fleet.revoked')}</div>}</td>
      <td class={stale ? 'stale' : ''}>{ago(t, r.lastSeenAt, now)}</td>
      <td>{r.skewMs == null ? '—' : t('fleet.seconds', { count: Math.round(r.skewMs / 1000) })}</td>
      <td>{r.health?.outboxLength ?? '—'}</td>
      <td>{r.health ? partLines(t, r.health.parts).map((l) => <div key={l}>{l}</div>) : '—'}</td>
      <td>{r.health?.version ?? '—'}</td>
      <td class="audit">{audit}</td>
      <EnrolmentCell e={r.enrolment} />
      <td>{!r.revoked && <button class="secondary" data-revoke={r.robotSlot} onClick={() => revoke(r)}>{t('fleet.revoke')}</button>}</td>
      <td class="label">{centerDateTime(r.enrolledAt, language)}</td>
    </tr>
  );
}

function RobotsTable({ fleet, revoke }: { fleet: FleetResponse; revoke: (r: Robot) => void }) {
  const { t } = usePage();
  const heads = ['robot', 'lastSeen', 'skew', 'outbox', 'parts', 'version', 'audit', 'enrolment'];
  return (
    <div class="table-wrap card">
      <table>
        <thead><tr>{heads.map((h) => <th key={h}>{t(`fleet.${h}`)}</th>)}<th /><th>{t('fleet.enrolled')}</th></tr></thead>
        <tbody id="rows">{fleet.robots.map((r) => <RobotRow key={r.robotId} r={r} now={fleet.serverTime} revoke={revoke} />)}</tbody>
      </table>
    </div>
  );
}

function EnrolmentPanel({ setError }: { setError: (c: PageErrorCode) => void }) {
  const { t, language } = usePage();
  const { failed } = useStaff();
  const [code, setCode] = useState<{ code: string; expiresAt: number }>();
  const [revoked, setRevoked] = useState<number>();
  const newCode = () => api<{ code: string; expiresAt: number }>('/v1/admin/enrolment-codes', { method: 'POST', body: {} }).then(setCode, (e) => setError(failed(e)));
  const revokeAll = () => api<RevokeSessionsResponse>('/v1/staff/sessions/revoke', { method: 'POST', body: {} }).then((r) => setRevoked(r.revoked), (e) => setError(failed(e)));
  return (
    <section class="card row">
      <button id="code" onClick={() => void newCode()}>{t('fleet.newCode')}</button>
      {code && <b id="newcode" data-code={code.code}>{t('fleet.code', { code: code.code, time: centerDateTime(code.expiresAt, language) })}</b>}
      <button class="secondary" id="revoke-sessions" onClick={() => void revokeAll()}>{t('signIn.signOutEverywhere')}</button>
      {revoked !== undefined && <span>{t('signIn.signedOutEverywhere', { count: revoked })}</span>}
    </section>
  );
}

function FleetView({ signedOut }: { signedOut: () => void }) {
  const { t } = usePage();
  const { failed } = useStaff();
  const [fleet, setFleet] = useState<FleetResponse>();
  const [error, setError] = useState<PageErrorCode>();
  const refresh = useCallback(() => api<FleetResponse>('/v1/fleet').then((f) => {
    setFleet(f);
    setError(undefined);
  }, (e) => setError(failed(e))), [failed]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const revoke = (r: Robot) => {
    if (!confirm(t('fleet.confirmRevoke', { slot: r.robotSlot }))) return;
    void api(`/v1/admin/devices/${encodeURIComponent(r.robotId)}/revoke`, { method: 'POST', body: {} }).catch((e) => setError(failed(e))).then(refresh);
  };
  return (
    <>
      <div class="session"><SignOut onDone={signedOut} /></div>
      <EnrolmentPanel setError={setError} />
      <ErrorLine code={error} />
      {fleet && <RobotsTable fleet={fleet} revoke={revoke} />}
    </>
  );
}

function FleetPage() {
  const { t } = usePage();
  return (
    <>
      <Header title={t('fleet.title')} />
      <main class="page"><StaffGate>{(signedOut) => <FleetView signedOut={signedOut} />}</StaffGate></main>
    </>
  );
}

mount(FleetPage);
