/**
 * The home visits page (issue 18), for signed-in staff: the requests made at the robots, newest
 * first, filtered by status; the full address and phone to go and call ahead; schedule a visit
 * (day, time, who goes), mark it done, or cancel it. The center refuses a change a second tab
 * already made (HOME_VISIT_STATE_CONFLICT) and the list reloads.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HomeVisitStatus } from '../../contract/sync';
import { businessDay } from '../../core/business-day';
import { centerDateTime } from '../../core/center-clock-format';
import type { HomeVisitListResponse, StaffHomeVisit } from '../home-visits/views';
import { api, type PageErrorCode } from './api';
import { dayText } from './day-text';
import { ErrorLine, Header, mount, usePage } from './frame';
import { SignOut, StaffGate, useStaff } from './staff-gate';

const REFRESH_MS = 30_000;
const STATUSES: HomeVisitStatus[] = ['requested', 'scheduled', 'done', 'cancelled'];
type Act = (v: StaffHomeVisit, action: 'schedule' | 'done' | 'cancel', body?: object) => Promise<void>;

function ScheduleForm({ v, act, today }: { v: StaffHomeVisit; act: Act; today: string }) {
  const { t } = usePage();
  const [day, setDay] = useState(v.preferredDays.find((d) => d >= today) ?? today);
  const [time, setTime] = useState('09:00');
  const [staff, setStaff] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    void act(v, 'schedule', { day, time, staffName: staff.trim() });
  };
  const value = (set: (s: string) => void) => (e: Event) => set((e.currentTarget as HTMLInputElement).value);
  return (
    <form class="row schedule" onSubmit={submit}>
      <label><span>{t('visits.day')}</span> <input name="day" type="date" required min={today} value={day} onInput={value(setDay)} /></label>
      <label><span>{t('visits.time')}</span> <input name="time" type="time" required value={time} onInput={value(setTime)} /></label>
      <label><span>{t('visits.staff')}</span> <input name="staff" type="text" required maxLength={80} value={staff} onInput={value(setStaff)} /></label>
      <button type="submit" disabled={!staff.trim() || !day || !time}>{t('visits.schedule')}</button>
    </form>
  );
}

function VisitCard({ v, act, today }: { v: StaffHomeVisit; act: Act; today: string }) {
  const { t, language, labels, local } = usePage();
  const service = labels?.services[v.serviceId];
  const a = v.address;
  return (
    <article class={`card visit-row ${v.status}`} data-visit={v.visitId}>
      <div class="row">
        <b class={`badge ${v.status}`} data-status={v.status}>{t(`visits.status.${v.status}`)}</b>
        <span>{t(`visits.categories.${v.category}`)}</span>
        {service && <span class="service">{local(service)}</span>}
        <span class="label">{t('visits.requestedAt', { time: centerDateTime(v.requestedAt, language) })}</span>
      </div>
      <dl class="kv">
        <dt>{t('visits.address')}</dt><dd class="address">{t('visits.addressLine', { houseNumber: a.houseNumber, street: a.street, ward: a.ward })}</dd>
        <dt>{t('visits.phone')}</dt><dd><a class="phone" href={`tel:${v.phone}`}>{v.phone}</a></dd>
        <dt>{t('visits.name')}</dt><dd class="name">{v.name ?? t('visits.noName')}</dd>
        <dt>{t('visits.language')}</dt><dd>{t(`languages.${v.language}`)}</dd>
        <dt>{t('visits.preferred')}</dt><dd>{v.preferredDays.map((d) => dayText(d, language)).join(', ')}</dd>
        {v.scheduled && <><dt>{t('visits.scheduled')}</dt><dd class="when">{t('visits.scheduledLine', { day: dayText(v.scheduled.day, language), time: v.scheduled.time, staff: v.staffName ?? '' })}</dd></>}
      </dl>
      {v.status === 'requested' && <ScheduleForm v={v} act={act} today={today} />}
      {(v.status === 'requested' || v.status === 'scheduled') && (
        <div class="actions">
          {v.status === 'scheduled' && <button data-action="done" onClick={() => void act(v, 'done')}>{t('visits.done')}</button>}
          <button class="secondary" data-action="cancel" onClick={() => void act(v, 'cancel')}>{t('visits.cancel')}</button>
        </div>
      )}
    </article>
  );
}

function VisitsView({ signedOut }: { signedOut: () => void }) {
  const { t } = usePage();
  const { failed } = useStaff();
  const [filter, setFilter] = useState<HomeVisitStatus | ''>('');
  const [list, setList] = useState<HomeVisitListResponse>();
  const [error, setError] = useState<PageErrorCode>();
  const refresh = useCallback(() => api<HomeVisitListResponse>(`/v1/home-visits${filter ? `?status=${filter}` : ''}`).then((l) => {
    setList(l);
  }, (e) => setError(failed(e))), [failed, filter]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const act: Act = async (v, action, body = {}) => {
    setError(undefined);
    await api(`/v1/home-visits/${encodeURIComponent(v.visitId)}/${action}`, { method: 'POST', body }).catch((e) => setError(failed(e)));
    await refresh();
  };
  const today = list ? businessDay(new Date(list.serverTime)) : '';
  return (
    <>
      <div class="session"><SignOut onDone={signedOut} /></div>
      <section class="card row">
        <label class="row"><span>{t('visits.filter')}</span>
          <select id="filter" value={filter} onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value as HomeVisitStatus | '')}>
            <option value="">{t('visits.all')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`visits.status.${s}`)}</option>)}
          </select>
        </label>
      </section>
      <div id="msg"><ErrorLine code={error} /></div>
      <div id="visits">
        {list && list.visits.length === 0 && <p class="card hint" id="empty">{t('visits.none')}</p>}
        {list?.visits.map((v) => <VisitCard key={v.visitId} v={v} act={act} today={today} />)}
      </div>
    </>
  );
}

function VisitsPage() {
  const { t } = usePage();
  return (
    <div class="visits">
      <Header title={t('visits.title')} />
      <main class="page"><StaffGate>{(signedOut) => <VisitsView signedOut={signedOut} />}</StaffGate></main>
    </div>
  );
}

mount(VisitsPage);
