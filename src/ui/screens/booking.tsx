/**
 * "Book a time" (issue 18): a day (today later, or another working day the center offers), a free
 * slot with its places left, the phone, an optional name, the consent, then the slip. The center
 * decides every place: a slot taken meanwhile (BOOKING_SLOT_FULL) brings the visitor back to the
 * times, refreshed; without the center the screen says so and offers a queue ticket.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BookingBookResult, BookingOptions, BookingSlots, ErrorCode } from '../../contract';
import { slotInstant } from '../../core/appointments/check-in';
import { centerClockFormat } from '../../core/clock-format';
import { ApiCallError } from '../api-client';
import { QrImage } from '../components/qr-image';
import { maskName, maskPhone } from '../../core/personal-mask';
import { Screen } from '../components/screen';
import type { JourneyContext } from '../journey';
import { ConsentStep, NameStep, NeedsCenter, PhoneStep } from './personal-steps';

type Step = 'loading' | 'offline' | 'day' | 'time' | 'phone' | 'name' | 'consent' | 'done';
const codeOf = (e: unknown): ErrorCode => (e instanceof ApiCallError ? e.error.code : 'INTERNAL_ERROR');

export function dayLabel(ctx: Pick<JourneyContext, 't' | 'language'>, day: string, today: string): string {
  const date = centerClockFormat(ctx.language, { weekday: 'long', day: 'numeric', month: 'numeric' }).format(slotInstant(day, '12:00'));
  return day === today ? `${ctx.t('booking:screen.today')} · ${date}` : date;
}

type Picked = { day?: string; time?: string; phone?: string; name?: string };

/** The booking's steps and data: the center's options and slots, what the visitor picked, and booking it. */
function useBooking(ctx: JourneyContext, serviceId: string, procedureId: string | undefined) {
  const { api, language } = ctx;
  const [step, setStep] = useState<Step>('loading');
  const [code, setCode] = useState<ErrorCode | undefined>();
  const [options, setOptions] = useState<BookingOptions | undefined>();
  const [slots, setSlots] = useState<BookingSlots | undefined>();
  const [pick, setPick] = useState<Picked>({});
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BookingBookResult | undefined>();
  const fail = (c: ErrorCode) => (setCode(c), setStep('offline'));

  const load = async (then: Step) => {
    try {
      const [o, s] = await Promise.all([api.call('booking.options', {}), api.call('booking.slots', { serviceId })]);
      setOptions(o);
      setSlots(s);
      setStep(then);
    } catch (e) {
      fail(codeOf(e));
    }
  };
  useEffect(() => void load('day'), [serviceId]);

  const book = async () => {
    if (busy || !pick.day || !pick.time || !pick.phone) return;
    setBusy(true);
    setCode(undefined);
    try {
      const r = await api.call('booking.book', { requestId, serviceId, ...(procedureId ? { procedureId } : {}), day: pick.day, time: pick.time, phone: pick.phone, ...(pick.name ? { name: pick.name } : {}), language, consent: true });
      setResult(r);
      setStep('done');
    } catch (e) {
      const c = codeOf(e);
      // a place taken meanwhile: back to the times of that day, asked again
      if (c === 'BOOKING_SLOT_FULL' || c === 'BOOKING_SLOT_UNAVAILABLE') {
        setCode(c);
        setRequestId(crypto.randomUUID());
        await load('time');
      } else if (c === 'BOOKING_NEEDS_CENTER') fail(c);
      else setCode(c);
    } finally {
      setBusy(false);
    }
  };
  return { step, setStep, code, setCode, options, slots, pick, setPick, busy, result, book };
}

interface DaysProps {
  ctx: JourneyContext;
  slots: BookingSlots;
  options: BookingOptions;
  onDay: (day: string) => void;
  onTicket: () => void;
  onHomeVisit: (options: BookingOptions) => void;
}

/** The days with free places; none: a queue ticket instead. A home visit is offered where the center has one. */
function DaySection({ ctx, slots, options, onDay, onTicket, onHomeVisit }: DaysProps) {
  const { t } = ctx;
  return (
    <section class="booking-step" data-step="day">
      {slots.days.length === 0 && <p class="notice">{t('booking:screen.noDays')}</p>}
      <div class="actions booking-days">
        {slots.days.map((d) => (
          <button type="button" class="tile primary" data-day={d.day} onClick={() => onDay(d.day)}>
            {dayLabel(ctx, d.day, options.today)}
          </button>
        ))}
      </div>
      <div class="actions">
        {slots.days.length === 0 && (
          <button type="button" class="tile primary" data-action="take-ticket" onClick={onTicket}>
            {t('booking:screen.needsCenterTicket')}
          </button>
        )}
        {options.homeVisitCategories.length > 0 && (
          <button type="button" class="tile secondary" data-action="home-visit" onClick={() => onHomeVisit(options)}>
            {t('booking:screen.homeVisit')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The free times of the picked day with their places left, and why the visitor is back here if a place went. */
function TimeSection({ ctx, slots, day: picked, code, onTime }: { ctx: JourneyContext; slots: BookingSlots; day?: string; code?: ErrorCode; onTime: (time: string) => void }) {
  const { t } = ctx;
  const day = slots.days.find((d) => d.day === picked);
  return (
    <section class="booking-step" data-step="time">
      {code && (
        <p class="notice error" role="alert" data-code={code}>
          {t(`errors:${code}`)}
        </p>
      )}
      {!day && <p class="notice">{t('booking:screen.noDays')}</p>}
      <div class="actions booking-times">
        {day?.slots.map((s) => (
          <button type="button" class="tile primary" data-time={s.time} onClick={() => onTime(s.time)}>
            <span class="slot-time">{s.time}</span>
            <span class="slot-left">{t('booking:screen.placesLeft', { count: s.placesLeft })}</span>
          </button>
        ))}
      </div>
    </section>
  );
}

/** The booked slip: when, where, the masked phone, and its QR on screen when it did not print. */
function Booked({ ctx, options, result: r, serviceName }: { ctx: JourneyContext; options: BookingOptions; result: BookingBookResult; serviceName?: string }) {
  const { t } = ctx;
  return (
    <Screen title={t('booking:screen.bookedTitle')} info={<p class="lead">{`${dayLabel(ctx, r.appointment.day, options.today)} ${r.appointment.time}`}</p>}>
      <section class="ticket" data-testid="booking-result" data-code={r.appointment.code}>
        <ul class="ticket-facts">
          <li>{serviceName}</li>
          <li>{r.counterGroup}</li>
          <li>{r.maskedPhone}</li>
        </ul>
        <p class={r.printed ? 'notice' : 'notice error'} role={r.printed ? 'status' : 'alert'} data-testid="print-status">
          {r.printed ? t('booking:screen.slipPrinted') : t('booking:screen.slipNotPrinted')}
        </p>
        {!r.printed && <QrImage text={r.qrText} label={t('booking:screen.bookedTitle')} size={400} />}
        <button type="button" class="tile primary done" onClick={ctx.endSession}>
          {t('booking:screen.done')}
        </button>
      </section>
    </Screen>
  );
}

/** What the visitor agrees to: the service, the time, the masked phone and name. */
function bookingSummary(ctx: JourneyContext, serviceName: string, pick: Picked, today: string): [string, string][] {
  const { t } = ctx;
  return [
    [t('booking:screen.summaryService'), serviceName],
    [t('booking:screen.summaryWhen'), `${dayLabel(ctx, pick.day!, today)} ${pick.time}`],
    [t('booking:screen.summaryPhone'), maskPhone(pick.phone ?? '')],
    ...(pick.name ? [[t('booking:screen.summaryName'), maskName(pick.name)] as [string, string]] : []),
  ];
}

export function BookingScreen({ ctx, serviceId, procedureId, onHomeVisit }: { ctx: JourneyContext; serviceId: string; procedureId?: string; onHomeVisit: (options: BookingOptions) => void }) {
  const { t, language, nav } = ctx;
  const { step, setStep, code, setCode, options, slots, pick, setPick, busy, result, book } = useBooking(ctx, serviceId, procedureId);
  const service = ctx.catalog.services.find((s) => s.id === serviceId);
  const title = t('booking:screen.bookTime');
  const takeTicket = () => ctx.takeNumber(serviceId, undefined);

  const serviceLine = service && <p class="lead">{t('booking:screen.forService', { service: service.name[language] })}</p>;
  if (step === 'loading') return <Screen title={title} info={serviceLine} nav={nav}><p class="notice" role="status">{t('booking:screen.loading')}</p></Screen>;
  if (step === 'offline' || !options || !slots) return <NeedsCenter t={t} title={title} code={code ?? 'BOOKING_NEEDS_CENTER'} nav={nav} onTicket={takeTicket} />;
  if (step === 'day') {
    return (
      <Screen title={t('booking:screen.chooseDay')} info={serviceLine} nav={nav}>
        <DaySection ctx={ctx} slots={slots} options={options} onDay={(day) => (setPick({ day }), setStep('time'))} onTicket={takeTicket} onHomeVisit={onHomeVisit} />
      </Screen>
    );
  }
  if (step === 'time') {
    return (
      <Screen title={t('booking:screen.chooseTime')} info={<p class="lead">{dayLabel(ctx, pick.day ?? options.today, options.today)}</p>} nav={nav}>
        <TimeSection ctx={ctx} slots={slots} day={pick.day} code={code} onTime={(time) => (setCode(undefined), setPick({ day: pick.day, time }), setStep('phone'))} />
      </Screen>
    );
  }
  if (step === 'phone') return <PhoneStep t={t} title={title} nav={nav} onPhone={(phone) => (setPick({ ...pick, phone }), setStep('name'))} />;
  if (step === 'name') return <NameStep t={t} title={title} language={language} nav={nav} onName={(name) => (setPick({ ...pick, name }), setStep('consent'))} />;
  if (step === 'consent') {
    const summary = bookingSummary(ctx, service?.name[language] ?? serviceId, pick, options.today);
    return <ConsentStep t={t} title={title} nav={nav} summary={summary} text={t('booking:screen.consent', { days: options.retentionDays })} agree={t('booking:screen.agreeBook')} busy={busy} error={code} onAgree={() => void book()} />;
  }
  return <Booked ctx={ctx} options={options} result={result!} serviceName={service?.name[language]} />;
}
