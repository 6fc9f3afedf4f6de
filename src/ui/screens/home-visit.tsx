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

type Address = Record<Field, string>;

interface VisitProps {
  ctx: JourneyContext;
  serviceId: string;
  procedureId?: string;
  options: BookingOptions;
}

/** The request as the visitor fills it in, and sending it once to the center. */
function useHomeVisit({ ctx, serviceId, procedureId, options }: VisitProps) {
  const [step, setStep] = useState<Step>(options.homeVisitCategories.length === 1 ? 'address' : 'category');
  const [category, setCategory] = useState<HomeVisitCategory>(options.homeVisitCategories[0]!);
  const [address, setAddress] = useState<Address>({ ward: '', street: '', houseNumber: '' });
  const [field, setField] = useState<Field>('ward');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState<string | undefined>();
  const [days, setDays] = useState<string[]>([]);
  const [requestId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<ErrorCode | undefined>();
  const [result, setResult] = useState<HomeVisitCommandResult | undefined>();

  const send = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const address_ = { ward: address.ward.trim(), street: address.street.trim(), houseNumber: address.houseNumber.trim() };
      setResult(await ctx.api.call('homeVisit.request', { requestId, serviceId, ...(procedureId ? { procedureId } : {}), category, address: address_, phone, ...(name ? { name } : {}), preferredDays: [...days].sort(), language: ctx.language, consent: true }));
      setStep('done');
    } catch (e) {
      const c = e instanceof ApiCallError ? e.error.code : 'INTERNAL_ERROR';
      setCode(c);
      if (c === 'BOOKING_NEEDS_CENTER') setStep('offline');
    } finally {
      setBusy(false);
    }
  };
  return { step, setStep, setCategory, address, setAddress, field, setField, phone, setPhone, name, setName, days, setDays, busy, code, result, send };
}

/** Ward, street and house number, one field at a time on the keyboard below. */
function AddressFields({ ctx, address, field, onField, onAddress, onNext }: { ctx: JourneyContext; address: Address; field: Field; onField: (f: Field) => void; onAddress: (a: Address) => void; onNext: () => void }) {
  const complete = FIELDS.every((f) => address[f.id].trim());
  return (
    <div class="code-entry booking-step" data-step="address">
      {FIELDS.map((f) => (
        <div class={f.id === field ? 'address-field current' : 'address-field'} onClick={() => onField(f.id)}>
          <SearchInput value={address[f.id]} label={ctx.t(`booking:screen.${f.id}`)} max={f.max} testId={`address-${f.id}`} onChange={(v) => onAddress({ ...address, [f.id]: v })} />
        </div>
      ))}
      <button type="button" class="tile primary" data-action="next" disabled={!complete} onClick={onNext}>
        {ctx.t('booking:screen.next')}
      </button>
    </div>
  );
}

/** Up to five preferred working days out of the next ten. */
function DaysStep({ ctx, title, today, days, onDays, onNext }: { ctx: JourneyContext; title: string; today: string; days: string[]; onDays: (days: string[]) => void; onNext: () => void }) {
  const { t, nav } = ctx;
  const toggle = (d: string) => onDays(days.includes(d) ? days.filter((x) => x !== d) : days.length < 5 ? [...days, d] : days);
  return (
    <Screen title={title} info={<p class="lead">{t('booking:screen.daysTitle')}</p>} nav={nav}>
      <section class="booking-step" data-step="days">
        <div class="chips">
          {nextWorkingDays(today, 10).map((d) => (
            <button type="button" class="chip" data-day={d} aria-pressed={days.includes(d)} onClick={() => toggle(d)}>
              {dayLabel(ctx, d, today)}
            </button>
          ))}
        </div>
        <button type="button" class="tile primary" data-action="next" disabled={days.length === 0} onClick={onNext}>
          {t('booking:screen.next')}
        </button>
      </section>
    </Screen>
  );
}

/** The slip: what happens next, and the status page's QR on screen when it did not print. */
function VisitSent({ ctx, result: r }: { ctx: JourneyContext; result: HomeVisitCommandResult }) {
  const { t } = ctx;
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

/** What the visitor agrees to send: the service, the ward (the rest masked), phone, name and days. */
function visitSummary(ctx: JourneyContext, serviceName: string, visit: { address: Address; phone: string; name?: string; days: string[] }, today: string): [string, string][] {
  const { t } = ctx;
  return [
    [t('booking:screen.summaryService'), serviceName],
    [t('booking:screen.summaryAddress'), `••• ${visit.address.ward.trim()}`],
    [t('booking:screen.summaryPhone'), maskPhone(visit.phone)],
    ...(visit.name ? [[t('booking:screen.summaryName'), maskName(visit.name)] as [string, string]] : []),
    [t('booking:screen.summaryDays'), [...visit.days].sort().map((d) => dayLabel(ctx, d, today)).join(', ')],
  ];
}

export function HomeVisitScreen(props: VisitProps) {
  const { ctx, serviceId, options } = props;
  const { t, language, nav } = ctx;
  const v = useHomeVisit(props);
  const { step, setStep, address, field } = v;
  const title = t('booking:screen.homeVisit');
  const service = ctx.catalog.services.find((s) => s.id === serviceId);

  if (step === 'offline') return <NeedsCenter t={t} title={title} code={v.code ?? 'BOOKING_NEEDS_CENTER'} nav={nav} onTicket={() => ctx.takeNumber(serviceId, undefined)} />;
  if (step === 'category') {
    return (
      <Screen title={title} info={<p class="lead">{t('booking:screen.categoryTitle')}</p>} nav={nav}>
        <div class="actions booking-step" data-step="category">
          {options.homeVisitCategories.map((c) => (
            <button type="button" class="tile primary" data-category={c} onClick={() => (v.setCategory(c), setStep('address'))}>
              {t(`booking:screen.category.${c}`)}
            </button>
          ))}
        </div>
      </Screen>
    );
  }
  if (step === 'address') {
    const max = FIELDS.find((f) => f.id === field)!.max;
    const keyboard = <OnScreenKeyboard t={t} layouts={field === 'houseNumber' ? ['code'] : searchLayouts(language)} value={address[field]} max={max} onChange={(value) => v.setAddress({ ...address, [field]: value })} />;
    return (
      <Screen title={title} info={<p class="lead">{t('booking:screen.addressTitle')}</p>} nav={nav} footer={keyboard}>
        <AddressFields ctx={ctx} address={address} field={field} onField={v.setField} onAddress={v.setAddress} onNext={() => setStep('phone')} />
      </Screen>
    );
  }
  if (step === 'phone') return <PhoneStep t={t} title={title} nav={nav} onPhone={(p) => (v.setPhone(p), setStep('name'))} />;
  if (step === 'name') return <NameStep t={t} title={title} language={language} nav={nav} onName={(n) => (v.setName(n), setStep('days'))} />;
  if (step === 'days') return <DaysStep ctx={ctx} title={title} today={options.today} days={v.days} onDays={v.setDays} onNext={() => setStep('consent')} />;
  if (step === 'consent') {
    const summary = visitSummary(ctx, service?.name[language] ?? serviceId, v, options.today);
    return <ConsentStep t={t} title={title} nav={nav} summary={summary} text={t('booking:screen.consentVisit', { days: options.retentionDays })} agree={t('booking:screen.agreeSend')} busy={v.busy} error={v.code} onAgree={() => void v.send()} />;
  }
  return <VisitSent ctx={ctx} result={v.result!} />;
}
