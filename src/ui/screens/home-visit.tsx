/**
 * "Request a home visit" (issue 18), offered only for the categories the center allows: who the
 * visit is for, the address (ward, street, house number), phone, optional name, up to five
 * preferred days, consent, then the slip saying what happens next with the status page's QR.
 */
import { useState } from 'preact/hooks';
import type { BookingOptions, ErrorCode, HomeVisitCategory, HomeVisitCommandResult } from '../../contract';
import { ApiCallError } from '../api-client';
import { OnScreenKeyboard, searchLayouts } from '../components/keyboard';
import { QrImage } from '../components/qr-image';
import { maskName, maskPhone } from '../../core/personal-mask';
import { Screen } from '../components/screen';
import { SearchInput } from '../components/search-box';
import type { JourneyContext } from '../journey';
import { dayLabel } from './booking';
import { ConsentStep, NameStep, NeedsCenter, PhoneStep } from './personal-steps';

type Step = 'category' | 'address' | 'phone' | 'name' | 'days' | 'consent' | 'done' | 'offline';
type Field = 'ward' | 'street' | 'houseNumber';
const FIELDS: { id: Field; max: number }[] = [{ id: 'ward', max: 80 }, { id: 'street', max: 120 }, { id: 'houseNumber', max: 20 }];

/** The next working days (Monday to Friday) from the center's today: the days a visitor may prefer. */
export function nextWorkingDays(today: string, count: number): string[] {
  const days: string[] = [];
  for (let d = new Date(`${today}T12:00:00Z`); days.length < count; d = new Date(d.getTime() + 86_400_000)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

export function HomeVisitScreen({ ctx, serviceId, procedureId, options }: { ctx: JourneyContext; serviceId: string; procedureId?: string; options: BookingOptions }) {
  const { t, api, language, nav } = ctx;
  const [step, setStep] = useState<Step>(options.homeVisitCategories.length === 1 ? 'address' : 'category');
  const [category, setCategory] = useState<HomeVisitCategory>(options.homeVisitCategories[0]!);
  const [address, setAddress] = useState<Record<Field, string>>({ ward: '', street: '', houseNumber: '' });
  const [field, setField] = useState<Field>('ward');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState<string | undefined>();
  const [days, setDays] = useState<string[]>([]);
  const [requestId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<ErrorCode | undefined>();
  const [result, setResult] = useState<HomeVisitCommandResult | undefined>();
  const title = t('booking:screen.homeVisit');
  const service = ctx.catalog.services.find((s) => s.id === serviceId);

  const send = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const address_ = { ward: address.ward.trim(), street: address.street.trim(), houseNumber: address.houseNumber.trim() };
      setResult(await api.call('homeVisit.request', { requestId, serviceId, ...(procedureId ? { procedureId } : {}), category, address: address_, phone, ...(name ? { name } : {}), preferredDays: [...days].sort(), language, consent: true }));
      setStep('done');
    } catch (e) {
      const c = e instanceof ApiCallError ? e.error.code : 'INTERNAL_ERROR';
      setCode(c);
      if (c === 'BOOKING_NEEDS_CENTER') setStep('offline');
    } finally {
      setBusy(false);
    }
  };

  if (step === 'offline') return <NeedsCenter t={t} title={title} code={code ?? 'BOOKING_NEEDS_CENTER'} nav={nav} onTicket={() => ctx.takeNumber(serviceId, undefined)} />;
  if (step === 'category') {
    return (
      <Screen title={title} info={<p class="lead">{t('booking:screen.categoryTitle')}</p>} nav={nav}>
        <div class="actions booking-step" data-step="category">
          {options.homeVisitCategories.map((c) => (
            <button type="button" class="tile primary" data-category={c} onClick={() => (setCategory(c), setStep('address'))}>
              {t(`booking:screen.category.${c}`)}
            </button>
          ))}
        </div>
      </Screen>
    );
  }
  if (step === 'address') {
    const max = FIELDS.find((f) => f.id === field)!.max;
    const complete = FIELDS.every((f) => address[f.id].trim());
    return (
      <Screen
        title={title}
        info={<p class="lead">{t('booking:screen.addressTitle')}</p>}
        nav={nav}
        footer={<OnScreenKeyboard t={t} layouts={field === 'houseNumber' ? ['code'] : searchLayouts(language)} value={address[field]} max={max} onChange={(v) => setAddress({ ...address, [field]: v })} />}
      >
        <div class="code-entry booking-step" data-step="address">
          {FIELDS.map((f) => (
            <div class={f.id === field ? 'address-field current' : 'address-field'} onClick={() => setField(f.id)}>
              <SearchInput value={address[f.id]} label={t(`booking:screen.${f.id}`)} max={f.max} testId={`address-${f.id}`} onChange={(v) => setAddress({ ...address, [f.id]: v })} />
            </div>
          ))}
          <button type="button" class="tile primary" data-action="next" disabled={!complete} onClick={() => setStep('phone')}>
            {t('booking:screen.next')}
          </button>
        </div>
      </Screen>
    );
  }
  if (step === 'phone') return <PhoneStep t={t} title={title} nav={nav} onPhone={(p) => (setPhone(p), setStep('name'))} />;
  if (step === 'name') return <NameStep t={t} title={title} language={language} nav={nav} onName={(n) => (setName(n), setStep('days'))} />;
  if (step === 'days') {
    const toggle = (d: string) => setDays(days.includes(d) ? days.filter((x) => x !== d) : days.length < 5 ? [...days, d] : days);
    return (
      <Screen title={title} info={<p class="lead">{t('booking:screen.daysTitle')}</p>} nav={nav}>
        <section class="booking-step" data-step="days">
          <div class="chips">
            {nextWorkingDays(options.today, 10).map((d) => (
              <button type="button" class="chip" data-day={d} aria-pressed={days.includes(d)} onClick={() => toggle(d)}>
                {dayLabel(ctx, d, options.today)}
              </button>
            ))}
          </div>
          <button type="button" class="tile primary" data-action="next" disabled={days.length === 0} onClick={() => setStep('consent')}>
            {t('booking:screen.next')}
          </button>
        </section>
      </Screen>
    );
  }
  if (step === 'consent') {
    const summary: [string, string][] = [
      [t('booking:screen.summaryService'), service?.name[language] ?? serviceId],
      [t('booking:screen.summaryAddress'), `••• ${address.ward.trim()}`],
      [t('booking:screen.summaryPhone'), maskPhone(phone)],
      ...(name ? [[t('booking:screen.summaryName'), maskName(name)] as [string, string]] : []),
      [t('booking:screen.summaryDays'), [...days].sort().map((d) => dayLabel(ctx, d, options.today)).join(', ')],
    ];
    return <ConsentStep t={t} title={title} nav={nav} summary={summary} text={t('booking:screen.consentVisit', { days: options.retentionDays })} agree={t('booking:screen.agreeSend')} busy={busy} error={code} onAgree={() => void send()} />;
  }
  const r = result!;
  return (
    <Screen title={t('booking:screen.visitSentTitle')}>
      <section class="ticket" data-testid="visit-result" data-status={r.visit.status}>
        <p class="lead">{t('booking:screen.visitNext')}</p>
        <p class={r.printed ? 'notice' : 'notice error'} role={r.printed ? 'status' : 'alert'} data-testid="print-status">
          {r.printed ? t('booking:screen.visitPrinted') : t('booking:screen.visitNotPrinted')}
        </p>
        {!r.printed && <QrImage text={r.statusUrl} label={t('booking:screen.visitSentTitle')} size={400} />}
        <button type="button" class="tile primary done" onClick={ctx.endSession}>
          {t('booking:screen.done')}
        </button>
      </section>
    </Screen>
  );
}
