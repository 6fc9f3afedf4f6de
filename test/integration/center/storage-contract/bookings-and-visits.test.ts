/** Storage contract: bookings of a slot and home visit requests (issue 18), on SQLite and on PostgreSQL. */
import type { BookingInput, NewHomeVisit } from '../../../../src/center/storage/port';
import { eachAdapter, NOW, uuid } from './adapters';

const booking = (p: Partial<BookingInput> = {}): BookingInput => ({
  robotId: 'robot-a', requestId: uuid(), code: `BK-${uuid().slice(0, 8)}`, serviceId: 'birth-registration', counterGroup: 'civil-status',
  day: '2026-12-02', time: '09:00', placesPerSlot: 2, open: true, language: 'vi', phone: '0912345678', name: 'Nguyễn Văn An',
  maskedPhone: '091****678', maskedName: 'N*** V** A', nowMs: NOW, ...p,
});

const visit = (p: Partial<NewHomeVisit> = {}): NewHomeVisit => ({
  visitId: uuid(), statusToken: uuid().replace(/-/g, ''), robotId: 'robot-a', requestId: uuid(), serviceId: 'birth-registration', category: 'elderly',
  language: 'vi', preferredDays: ['2026-12-03', '2026-12-01'], phone: '0912345678', maskedPhone: '091****678', name: 'Trần Thị Bình',
  address: { ward: 'Phường Bến Nghé', street: 'Lê Lợi', houseNumber: '12' }, nowMs: NOW, ...p,
});

eachAdapter('storage contract: bookings', (stores) => {
  it('books a place as an appointment once per request, and refuses a full or closed slot', async () => {
    const { a, b } = stores();
    const first = booking();
    const made = await a.bookAppointment(first);
    expect(made).toEqual({
      ok: true, replay: false, counterGroup: 'civil-status', maskedPhone: '091****678',
      appointment: { code: first.code, serviceId: 'birth-registration', day: '2026-12-02', time: '09:00', status: 'booked', maskedName: 'N*** V** A' },
    });
    expect(await b.bookAppointment({ ...first, code: 'OTHER-CODE', open: false })).toEqual({ ...made, replay: true });
    expect(await b.findAppointment(first.code)).toMatchObject({ status: 'booked' });
    await a.bookAppointment(booking());
    expect(await a.bookAppointment(booking())).toEqual({ ok: false, code: 'BOOKING_SLOT_FULL' });
    expect(await a.bookAppointment(booking({ time: '09:30', open: false }))).toEqual({ ok: false, code: 'BOOKING_SLOT_UNAVAILABLE' });
    expect(await a.placesTaken('civil-status', '2026-12-01', '2026-12-05')).toEqual([{ day: '2026-12-02', time: '09:00', taken: 2 }]);
    expect(await a.placesTaken('business', '2026-12-01', '2026-12-05')).toEqual([]);
  });

  it('never books more places than a slot has when two instances book its last places at once', async () => {
    const { a, b } = stores();
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).bookAppointment(booking({ placesPerSlot: 3 }))));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect(outcomes.filter((o) => !o.ok).map((o) => (o.ok ? null : o.code))).toEqual(Array(3).fill('BOOKING_SLOT_FULL'));
    expect(await a.placesTaken('civil-status', '2026-12-02', '2026-12-02')).toEqual([{ day: '2026-12-02', time: '09:00', taken: 3 }]);
  });

  it('answers one request sent to two instances at once with one booking', async () => {
    const { a, b } = stores();
    const same = booking();
    const [x, y] = await Promise.all([a.bookAppointment(same), b.bookAppointment({ ...same, code: 'TWIN-CODE' })]);
    expect(x.ok && y.ok && x.appointment.code === y.appointment.code).toBe(true);
    expect([x.ok && x.replay, y.ok && y.replay].sort()).toEqual([false, true]);
    expect(await a.placesTaken('civil-status', '2026-12-02', '2026-12-02')).toEqual([{ day: '2026-12-02', time: '09:00', taken: 1 }]);
  });

  it('purges personal data up to a day: the masked name goes, the appointment stays', async () => {
    const { a } = stores();
    const early = booking({ day: '2026-12-01' });
    const late = booking({ day: '2026-12-04' });
    await a.bookAppointment(early);
    await a.bookAppointment(late);
    expect(await a.purgeBookingPersonalData('2026-12-02')).toBe(1);
    expect(await a.findAppointment(early.code)).toMatchObject({ status: 'booked', maskedName: '' });
    expect(await a.bookAppointment({ ...early, code: 'X' })).toMatchObject({ ok: true, replay: true, maskedPhone: '' });
    expect(await a.findAppointment(late.code)).toMatchObject({ maskedName: 'N*** V** A' });
    expect(await a.purgeBookingPersonalData('2026-12-02')).toBe(0);
  });
});

eachAdapter('storage contract: home visits', (stores) => {
  it('stores a request once per robot request id, even sent to two instances at once', async () => {
    const { a, b } = stores();
    const v = visit();
    const [x, y] = await Promise.all([a.requestHomeVisit(v), b.requestHomeVisit({ ...v, visitId: uuid(), statusToken: 'other' })]);
    expect([x.created, y.created].sort()).toEqual([false, true]);
    expect(x.visit).toEqual(y.visit);
    expect(x.visit).toMatchObject({ status: 'requested', preferredDays: ['2026-12-03', '2026-12-01'], scheduled: null, phone: '0912345678', address: v.address });
    expect(await b.homeVisitByToken(x.visit.statusToken!)).toEqual(x.visit);
    expect(await a.homeVisitByToken('unknown')).toBeNull();
  });

  it('lists newest first with a status filter, and applies staff changes by the state rule', async () => {
    const { a, b } = stores();
    const old = (await a.requestHomeVisit(visit({ nowMs: NOW }))).visit;
    const recent = (await a.requestHomeVisit(visit({ nowMs: NOW + 1000 }))).visit;
    expect((await a.listHomeVisits({ limit: 10 })).map((v) => v.visitId)).toEqual([recent.visitId, old.visitId]);
    expect(await a.listHomeVisits({ limit: 1 })).toHaveLength(1);
    const change = { action: 'schedule' as const, day: '2026-12-02', time: '14:00', staffName: 'Cán bộ Lan' };
    const [x, y] = await Promise.all([a.changeHomeVisit(old.visitId, change, NOW + 5), b.changeHomeVisit(old.visitId, change, NOW + 6)]);
    expect([x.ok, y.ok].sort()).toEqual([false, true]);
    expect((await a.listHomeVisits({ status: 'scheduled', limit: 10 })).map((v) => [v.visitId, v.scheduled, v.staffName])).toEqual([[old.visitId, { day: '2026-12-02', time: '14:00' }, 'Cán bộ Lan']]);
    expect(await a.changeHomeVisit(recent.visitId, { action: 'done' }, NOW)).toEqual({ ok: false, code: 'HOME_VISIT_STATE_CONFLICT' });
    expect(await a.changeHomeVisit(recent.visitId, { action: 'cancel' }, NOW)).toMatchObject({ ok: true, visit: { status: 'cancelled' } });
    expect(await a.changeHomeVisit(uuid(), { action: 'cancel' }, NOW)).toEqual({ ok: false, code: 'HOME_VISIT_NOT_FOUND' });
  });

  it('purges personal data after the visit day (scheduled, else the last preferred), keeping the anonymous row out of lists', async () => {
    const { a } = stores();
    const waiting = (await a.requestHomeVisit(visit({ preferredDays: ['2026-12-01', '2026-12-05'] }))).visit;
    const scheduled = (await a.requestHomeVisit(visit())).visit;
    await a.changeHomeVisit(scheduled.visitId, { action: 'schedule', day: '2026-12-02', time: '10:00', staffName: 'Lan' }, NOW);
    expect(await a.purgeHomeVisitPersonalData('2026-12-03')).toBe(1);
    expect(await a.homeVisitByToken(scheduled.statusToken!)).toBeNull();
    expect((await a.listHomeVisits({ limit: 10 })).map((v) => v.visitId)).toEqual([waiting.visitId]);
    expect(await a.changeHomeVisit(scheduled.visitId, { action: 'done' }, NOW)).toEqual({ ok: false, code: 'HOME_VISIT_NOT_FOUND' });
    expect(await a.purgeHomeVisitPersonalData('2026-12-03')).toBe(0);
    expect(await a.purgeHomeVisitPersonalData('2026-12-05')).toBe(1);
  });
});
