import { checkInWindow, nextStepFor, slotInstant, statusRefusal } from '../../../src/core/appointments/check-in';

const W = { earlyMinutes: 30, lateMinutes: 15 };
const slot = slotInstant('2026-11-30', '09:00'); // 02:00Z
const at = (hhmm: string, day = '2026-11-30') => new Date(`${day}T${hhmm}:00+07:00`);

describe('appointment check-in rules', () => {
  it('reads the center\'s "day HH:MM" in Ha Noi time', () => {
    expect(slot.toISOString()).toBe('2026-11-30T02:00:00.000Z');
  });

  it('opens exactly earlyMinutes before the slot and closes lateMinutes after it', () => {
    expect(checkInWindow(slot, at('08:29'), W)).toEqual({ ok: false, code: 'APPOINTMENT_TOO_EARLY', comeBackAt: at('08:30') });
    expect(checkInWindow(slot, at('08:30'), W)).toEqual({ ok: true });
    expect(checkInWindow(slot, at('09:15'), W)).toEqual({ ok: true });
    expect(checkInWindow(new Date(slot.getTime()), new Date(at('09:15').getTime() + 1), W)).toEqual({ ok: false, code: 'APPOINTMENT_TOO_LATE' });
    expect(checkInWindow(slot, at('08:30'), { earlyMinutes: 0, lateMinutes: 0 })).toMatchObject({ code: 'APPOINTMENT_TOO_EARLY' });
  });

  it('tells another day apart: a future day says when to come back, a past one does not', () => {
    expect(checkInWindow(slot, at('09:00', '2026-11-29'), W)).toEqual({ ok: false, code: 'APPOINTMENT_WRONG_DAY', comeBackAt: at('08:30') });
    expect(checkInWindow(slot, at('09:00', '2026-12-01'), W)).toEqual({ ok: false, code: 'APPOINTMENT_WRONG_DAY' });
    // 23:59 the evening before in Ha Noi is 16:59Z the same UTC day: still the wrong day
    expect(checkInWindow(slot, at('23:59', '2026-11-29'), W)).toMatchObject({ code: 'APPOINTMENT_WRONG_DAY' });
  });

  it('maps the center status and every refusal to one next step', () => {
    expect(statusRefusal('booked')).toBeUndefined();
    expect(statusRefusal('checked-in')).toBe('APPOINTMENT_ALREADY_CHECKED_IN');
    expect(statusRefusal('cancelled')).toBe('APPOINTMENT_CANCELLED');
    expect(statusRefusal('missed')).toBe('APPOINTMENT_TOO_LATE');
    expect(nextStepFor('APPOINTMENT_TOO_EARLY', at('08:30'))).toBe('come-back');
    expect(nextStepFor('APPOINTMENT_WRONG_DAY', at('08:30'))).toBe('come-back');
    expect(nextStepFor('APPOINTMENT_WRONG_DAY')).toBe('regular-ticket');
    expect(nextStepFor('APPOINTMENT_TOO_LATE')).toBe('regular-ticket');
    expect(nextStepFor('APPOINTMENT_CANCELLED')).toBe('regular-ticket');
    expect(nextStepFor('APPOINTMENT_EXPIRED')).toBe('regular-ticket');
    expect(nextStepFor('APPOINTMENT_ALREADY_CHECKED_IN')).toBe('ask-staff');
    expect(nextStepFor('APPOINTMENT_SIGNATURE_INVALID')).toBe('ask-staff');
    expect(nextStepFor('APPOINTMENT_MALFORMED')).toBe('rescan');
    expect(nextStepFor('QUEUE_LUNCH_BREAK', at('13:30'))).toBe('come-back');
    expect(nextStepFor('QUEUE_LUNCH_BREAK')).toBe('ask-staff');
  });
});
