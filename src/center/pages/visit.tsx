/**
 * The citizen's home visit page, behind the slip's QR (/v/<token>): the request's status, the
 * day and time once scheduled, the masked phone, and what happens next; in the language the
 * visitor used at the robot unless they pick another. No address, no full phone, no name.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { centerTime } from '../../core/center-clock-format';
import type { HomeVisitStatusResponse } from '../home-visits/views';
import { api, codeOf, type PageErrorCode } from './api';
import { dayText } from './day-text';
import { ErrorLine, Header, mount, usePage } from './frame';

const REFRESH_MS = 60_000;

function VisitCard({ s }: { s: HomeVisitStatusResponse }) {
  const { t, language, labels, local } = usePage();
  const v = s.visit;
  const service = labels?.services[v.serviceId];
  return (
    <section class="card">
      <p class={`status ${v.status}`} id="status">{t(`visit.status.${v.status}`)}</p>
      <dl>
        {v.scheduled && <><dt>{t('visit.whenLabel')}</dt><dd id="when">{t('visit.when', { day: dayText(v.scheduled.day, language), time: v.scheduled.time })}</dd></>}
        {!v.scheduled && <><dt>{t('visit.preferred')}</dt><dd id="preferred">{v.preferredDays.map((d) => dayText(d, language)).join(', ')}</dd></>}
        {service && <><dt>{t('visit.service')}</dt><dd id="service">{local(service)}</dd></>}
        <dt>{t('visit.phone')}</dt><dd id="phone">{v.maskedPhone}</dd>
      </dl>
      <p class="next" id="next">{t(`visit.next.${v.status}`)}</p>
      <p class="hint">{t('visit.updated', { time: centerTime(s.serverTime, language) })}</p>
    </section>
  );
}

function VisitPage() {
  const { t, suggestLanguage } = usePage();
  const token = decodeURIComponent(location.pathname.split('/').pop() ?? '');
  const [status, setStatus] = useState<HomeVisitStatusResponse>();
  const [error, setError] = useState<PageErrorCode>();
  const refresh = useCallback(() => api<HomeVisitStatusResponse>(`/v1/home-visits/status/${encodeURIComponent(token)}`).then((s) => {
    setStatus(s);
    setError(undefined);
    suggestLanguage(s.visit.language);
  }, (e) => setError(codeOf(e))), [token, suggestLanguage]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const missing = error === 'HOME_VISIT_NOT_FOUND' || error === 'CENTER_NOT_FOUND' || error === 'CENTER_INVALID_REQUEST';
  return (
    <div class="ticket visit">
      <Header title={t('visit.title')} />
      <main class="page">
        {missing ? <p class="card error" id="msg">{t('errors:HOME_VISIT_NOT_FOUND')}</p> : <ErrorLine code={error} />}
        {status && !missing && <VisitCard s={status} />}
      </main>
    </div>
  );
}

mount(VisitPage);
