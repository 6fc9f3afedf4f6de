/**
 * The phone page behind a ticket's QR: the number, the service, people ahead, the wait, and the
 * counter once called; in the ticket's language unless the reader picks another. Updates itself.
 * Once the ticket is served it asks "how was your service?", once per ticket (issue 18).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RatingRequest, StreamEventType, TicketStatus } from '../../contract/sync';
import { centerTime } from '../../core/center-clock-format';
import { api, codeOf, type PageErrorCode } from './api';
import { ErrorLine, Header, mount, usePage } from './frame';
import { RatingForm, Thanks } from './rating-form';
import { useStream } from './stream';
import { waitLines } from './wait-words';

const EVENTS: StreamEventType[] = ['ticket.called', 'ticket.recalled', 'ticket.served', 'ticket.skipped', 'ticket.transferred', 'ticket.voided', 'ticket.queued', 'stream.reset'];
const REFRESH_MS = 20_000;

function TicketCard({ s }: { s: TicketStatus }) {
  const { t, language, labels, local } = usePage();
  const service = s.serviceId ? labels?.services[s.serviceId] : undefined;
  const counter = s.counterId ? labels?.counters.find((c) => c.id === s.counterId) : undefined;
  const counterName = counter ? local(counter.label) : (s.counterLabel ?? '');
  // a ticket whose printing a crash left uncertain is queued like any other: never "being printed"
  const status = s.printUncertain && s.status === 'pending' ? 'waiting' : s.status;
  const said = status === 'waiting' || status === 'pending' ? waitLines(s, language) : null;
  return (
    <section class="card">
      <div class="number" id="display">{s.display}</div>
      <p class={`status ${status}`} id="status">
        {status === 'called' && counterName ? t('ticket.goTo', { counter: counterName }) : t(`ticket.status.${status}`)}
      </p>
      {said && <p class="wait"><b id="ahead">{said.ahead}</b>{said.wait && <><br /><span id="wait">{said.wait}</span></>}</p>}
      <dl>
        {service && <><dt>{t('ticket.service')}</dt><dd id="service">{local(service)}</dd></>}
        {counterName && <><dt>{t('ticket.counter')}</dt><dd id="counter">{counterName}</dd></>}
      </dl>
      <p class="hint">{t('ticket.updated', { time: centerTime(s.serverTime, language) })}</p>
    </section>
  );
}

function Rating({ id, rated }: { id: string; rated: boolean }) {
  const [done, setDone] = useState<{ code?: PageErrorCode }>();
  if (done || rated) return <Thanks code={done?.code} />;
  const send = (r: RatingRequest) => api(`/v1/tickets/${encodeURIComponent(id)}/rating`, { method: 'POST', body: r });
  return <RatingForm send={send} onDone={(code) => setDone({ code })} />;
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
        {status?.status === 'served' && !missing && <Rating id={id} rated={!!status.rated} />}
      </main>
    </div>
  );
}

mount(TicketPage);
