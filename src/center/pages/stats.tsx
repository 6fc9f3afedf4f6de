/**
 * The director's statistics (issue 18): a day range, the figures as cards, charts (tickets per
 * day and per hour, per service, waiting time), ratings' comments and a link to the CSV. Days
 * and hours are the center's (Asia/Ho_Chi_Minh), whatever zone the reader's device is in.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Percentiles, StatsResponse } from '../../contract/sync';
import { businessDay } from '../../core/business-day';
import { api, inBranch, type PageErrorCode } from './api';
import { ErrorLine, Header, mount, usePage, type PageContext } from './frame';
import { SignOut, StaffGate, useStaff } from './staff-gate';
import { StatsChart, token } from './stats-charts';

const DAY_MS = 86_400_000;
const TOP_SERVICES = 12;

const shiftDay = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

function formatters(language: string) {
  const pct = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const num = new Intl.NumberFormat(language);
  const dec = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  // a business day is a calendar date: formatted at UTC noon so no zone moves it
  const date = new Intl.DateTimeFormat(language, { timeZone: 'UTC', day: 'numeric', month: 'short' });
  return {
    pct: (v: number | null) => (v === null ? '—' : pct.format(v)),
    num: (v: number) => num.format(v),
    /** Minutes with one decimal in the reader's notation ("4,9" in Vietnamese). */
    min: (ms: number) => dec.format(ms / 60_000),
    day: (d: string) => date.format(new Date(`${d}T12:00:00Z`)),
  };
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6000) / 10);

function Figure({ id, label, value, detail }: { id: string; label: string; value: string; detail?: string }) {
  return (
    <div class="card figure" id={`fig-${id}`}>
      <div class="label">{label}</div>
      <div class="figure-value">{value}</div>
      {detail && <div class="hint">{detail}</div>}
    </div>
  );
}

function Figures({ s }: { s: StatsResponse }) {
  const { t, language } = usePage();
  const f = formatters(language);
  const dur = (p: Percentiles) => (p.medianMs === null ? '—' : t('stats.minutes', { count: f.min(p.medianMs) }));
  const p90 = (p: Percentiles) => (p.p90Ms === null ? undefined : t('stats.p90', { value: t('stats.minutes', { count: f.min(p.p90Ms) }) }));
  const r = s.ratings;
  return (
    <section class="figures" aria-label={t('stats.figures')}>
      <Figure id="tickets" label={t('stats.tickets')} value={f.num(s.tickets.total)} detail={t('stats.servedSkipped', { served: f.num(s.tickets.served), skipped: f.num(s.tickets.skipped) })} />
      <Figure id="target" label={t('stats.withinTarget', { count: s.targetMinutes })} value={f.pct(s.shares.withinTarget)} />
      <Figure id="wait" label={t('stats.wait')} value={dur(s.wait)} detail={p90(s.wait)} />
      <Figure id="service" label={t('stats.serviceTime')} value={dur(s.service)} detail={p90(s.service)} />
      <Figure id="noshow" label={t('stats.noShow')} value={f.pct(s.shares.noShow)} detail={t('stats.count', { count: s.tickets.skipped })} />
      <Figure id="priority" label={t('stats.priority')} value={f.pct(s.shares.priority)} detail={t('stats.count', { count: s.tickets.priority })} />
      <Figure id="robot" label={t('stats.robotShare')} value={f.pct(s.shares.robot)} detail={t('stats.staffIssued', { count: s.tickets.staff })} />
      <Figure id="appointments" label={t('stats.appointments')} value={f.num(s.appointments.booked)}
        detail={t('stats.keptMissed', { kept: f.num(s.appointments.kept), missed: f.num(s.appointments.missed) })} />
      <Figure id="visits" label={t('stats.homeVisits')} value={f.num(s.homeVisits.requested + s.homeVisits.scheduled + s.homeVisits.done)}
        detail={t('stats.visitsDetail', { requested: s.homeVisits.requested, scheduled: s.homeVisits.scheduled, done: s.homeVisits.done, cancelled: s.homeVisits.cancelled })} />
      <Figure id="ratings" label={t('stats.satisfied')} value={f.pct(r.shareSatisfied)} detail={t('stats.ratingsCount', { count: r.count })} />
    </section>
  );
}

function Charts({ s, page }: { s: StatsResponse; page: PageContext }) {
  const { t, language, labels, local } = page;
  const f = formatters(language);
  const brand = token('--brand', '#0a4d8c');
  const accent = token('--accent', '#b3261e');
  // long procedure names are shortened on the axis so the bars keep their room
  const short = (name: string) => (name.length > 32 ? `${name.slice(0, 31)}…` : name);
  const serviceName = (id: string) => short(labels?.services[id] ? local(labels.services[id]) : t('stats.otherService'));
  const services = s.perService.slice(0, TOP_SERVICES);
  return (
    <section class="charts">
      <StatsChart id="chart-days" title={t('stats.perDay')} kind="line" language={language} labels={s.perDay.map((d) => f.day(d.day))}
        series={[{ label: t('stats.tickets'), data: s.perDay.map((d) => d.tickets), color: brand }]} />
      <StatsChart id="chart-hours" title={t('stats.perHour')} kind="bar" language={language} labels={s.perHour.map((h) => `${String(h.hour).padStart(2, '0')}:00`)}
        series={[{ label: t('stats.tickets'), data: s.perHour.map((h) => h.tickets), color: brand }]} />
      <StatsChart id="chart-services" title={t('stats.perService')} kind="bar" horizontal language={language} labels={services.map((x) => serviceName(x.serviceId))}
        series={[{ label: t('stats.tickets'), data: services.map((x) => x.tickets), color: brand }]} />
      <StatsChart id="chart-wait" title={t('stats.waitPerDay')} kind="line" language={language} labels={s.perDay.map((d) => f.day(d.day))}
        series={[
          { label: t('stats.median'), data: s.perDay.map((d) => minutes(d.wait.medianMs) ?? 0), color: brand },
          { label: t('stats.p90Short'), data: s.perDay.map((d) => minutes(d.wait.p90Ms) ?? 0), color: accent },
        ]} />
    </section>
  );
}

function Breakdown({ s }: { s: StatsResponse }) {
  const { t, language, labels, local } = usePage();
  const f = formatters(language);
  const name = (map: Record<string, Parameters<typeof local>[0]> | undefined, id: string | null) => (id && map?.[id] ? local(map[id]) : t('stats.other'));
  const counter = (id: string) => labels?.counters.find((c) => c.id === id);
  return (
    <section class="breakdown">
      <div class="card">
        <h2>{t('stats.perField')}</h2>
        <ul class="plain">{s.perField.map((x) => <li key={x.fieldId ?? '-'}><span>{name(labels?.fields, x.fieldId)}</span> <b>{f.num(x.tickets)}</b></li>)}</ul>
      </div>
      <div class="card">
        <h2>{t('stats.perCounter')}</h2>
        <ul class="plain">{s.perCounter.map((x) => <li key={x.counterId}><span>{counter(x.counterId) ? local(counter(x.counterId)!.label) : t('stats.other')}</span> <b>{f.num(x.served)}</b></li>)}</ul>
      </div>
      <div class="card">
        <h2>{t('stats.comments')}</h2>
        {s.ratings.recentComments.length === 0 ? <p class="hint">{t('stats.noComments')}</p> : (
          <ul class="plain comments">{s.ratings.recentComments.map((c, i) => <li key={i}><span class="label">{f.day(c.day)} · {t(`stats.score.${c.score}`)}</span> <q>{c.comment}</q></li>)}</ul>
        )}
      </div>
    </section>
  );
}

function StatsView({ signedOut }: { signedOut: () => void }) {
  const page = usePage();
  const { t, labels } = page;
  const { failed } = useStaff();
  const [range, setRange] = useState<{ from: string; to: string }>();
  const [stats, setStats] = useState<StatsResponse>();
  const [error, setError] = useState<PageErrorCode>();
  const load = useCallback((r: { from: string; to: string }) => {
    api<StatsResponse>(`/v1/stats?from=${r.from}&to=${r.to}`).then((s) => {
      setStats(s);
      setError(undefined);
    }, (e) => setError(failed(e)));
  }, [failed]);
  // the first range: ?from=&to= of the address, else the last 30 days on the center's clock
  useEffect(() => {
    if (range || !labels) return;
    const q = new URLSearchParams(location.search);
    const today = businessDay(new Date(labels.serverTime));
    const first = { from: q.get('from') ?? shiftDay(today, -29), to: q.get('to') ?? today };
    setRange(first);
    load(first);
  }, [labels, range, load]);
  if (!range) return <ErrorLine code={error} />;
  const submit = (e: Event) => {
    e.preventDefault();
    load(range);
  };
  const input = (key: 'from' | 'to') => (e: Event) => setRange({ ...range, [key]: (e.currentTarget as HTMLInputElement).value });
  return (
    <>
      <div class="session"><SignOut onDone={signedOut} /></div>
      <form class="card row range" onSubmit={submit}>
        <label><span>{t('stats.from')}</span> <input id="from" type="date" value={range.from} max={range.to} onInput={input('from')} /></label>
        <label><span>{t('stats.to')}</span> <input id="to" type="date" value={range.to} min={range.from} onInput={input('to')} /></label>
        <button type="submit" id="show">{t('stats.show')}</button>
        {stats && <a id="csv" class="button-link" href={inBranch(`/v1/stats.csv?from=${stats.from}&to=${stats.to}`)} download>{t('stats.csv')}</a>}
      </form>
      <ErrorLine code={error} />
      {stats && (
        <>
          <p class="hint" id="range-line">{t('stats.rangeLine', { from: formatters(page.language).day(stats.from), to: formatters(page.language).day(stats.to) })}</p>
          <Figures s={stats} />
          <Charts s={stats} page={page} />
          <Breakdown s={stats} />
        </>
      )}
    </>
  );
}

function StatsPage() {
  const { t } = usePage();
  return (
    <>
      <Header title={t('stats.title')} />
      <main class="page stats"><StaffGate>{(signedOut) => <StatsView signedOut={signedOut} />}</StaffGate></main>
    </>
  );
}

mount(StatsPage);
