/**
 * The phone page behind a ticket's QR: the number, the service, people ahead, the wait, and the
 * counter once called; in the ticket's language unless the reader picks another. Updates itself.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StreamEventType, TicketStatus } from '../../contract/sync';
import { centerTime } from '../../core/center-clock-format';
import { api, codeOf, type PageErrorCode } from './api';
import { ErrorLine, Header, mount, usePage } from './frame';
import type { T } from './i18n';
import { useStream } from './stream';

const EVENTS: StreamEventType[] = ['ticket.called', 'ticket.recalled', 'ticket.served', 'ticket.skipped', 'ticket.transferred', 'ticket.voided', 'ticket.queued', 'stream.reset'];
const REFRESH_MS = 20_000;

/** The wait as the visitor reads it; one place, so the shared wait formatter can replace it. */
export function waitText(t: T, range: TicketStatus['waitMinutes']): string {
  return range ? t('ticket.waitRange', { min: range.min, max: range.max }) : '—';
}

function TicketCard({ s }: { s: TicketStatus }) {
  const { t, language, labels, local } = usePage();
  const service = s.serviceId ? labels?.services[s.serviceId] : undefined;
  const counter = s.counterId ? labels?.counters.find((c) => c.id === s.counterId) : undefined;
  const counterName = counter ? local(counter.label) : (s.counterLabel ?? '');
  const waiting = s.status === 'waiting' || s.status === 'pending';
  return (
    <section class="card">
      <div class="number" id="display">{s.display}</div>
      <p class={`status ${s.status}`} id="status">
        {s.status === 'called' && counterName ? t('ticket.goTo', { counter: counterName }) : t(`ticket.status.${s.status}`)}
      </p>
      <dl>
        {service && <><dt>{t('ticket.service')}</dt><dd id="service">{local(service)}</dd></>}
        {waiting && <><dt>{t('ticket.ahead')}</dt><dd id="ahead">{s.peopleAhead}</dd></>}
        {waiting && <><dt>{t('ticket.wait')}</dt><dd id="wait">{waitText(t, s.waitMinutes)}</dd></>}
        {counterName && <><dt>{t('ticket.counter')}</dt><dd id="counter">{counterName}</dd></>}
      </dl>
      <p class="hint">{t('ticket.updated', { time: centerTime(s.serverTime, language) })}</p>
    </section>
  );
}

function TicketPage() {
  const { t, suggestLanguage } = usePage();
  const id = decodeURIComponent(location.pathname.split('/').pop() ?? '');
  const [status, setStatus] = useState<TicketStatus>();
  const [error, setError] = useState<PageErrorCode>();
  const refresh = useCallback(() => api<TicketStatus>(`/v1/tickets/${encodeURIComponent(id)}/status`).then((s) => {
    setStatus(s);
    setError(undefined);
    if (s.language) suggestLanguage(s.language);
  }, (e) => setError(codeOf(e))), [id, suggestLanguage]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  // live events only: the status is fetched afresh on each
  const online = useStream(EVENTS, 'live', () => void refresh());
  const missing = error === 'CENTER_NOT_FOUND' || error === 'CENTER_INVALID_REQUEST';
  return (
    <div class="ticket">
      <Header title={t('ticket.title')} />
      <main class="page">
        {missing ? <p class="card error" id="msg">{t('ticket.notFound')}</p> : <ErrorLine code={online ? error : 'OFFLINE'} />}
        {status && !missing && <TicketCard s={status} />}
      </main>
    </div>
  );
}

mount(TicketPage);
