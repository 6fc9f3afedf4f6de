/**
 * The rules of appointment check-in, pure: is this the appointment's day, is the citizen inside
 * the window around the slot (configurable minutes early and late), what does the center's status
 * mean, and which next step goes with each refusal. Time is passed in.
 *
 * The center's Asia/Ho_Chi_Minh day has no daylight saving, so a slot's "day HH:MM" is +07:00.
 */
import type { CheckInNextStep, DossierStatus, ErrorCode } from '../../contract';
import type { Appointment } from '../../contract/sync';
import { businessDay } from '../business-day';

export interface CheckInWindow {
  /** How long before the slot check-in opens. */
  earlyMinutes: number;
  /** How long after the slot check-in still works; later is "too late". */
  lateMinutes: number;
}

export type WindowDecision = { ok: true } | { ok: false; code: ErrorCode; comeBackAt?: Date };

const MINUTE = 60_000;

/** The slot of the center's record ("2026-11-30", "08:30") as an instant. */
export function slotInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+07:00`);
}

export function checkInWindow(slotStart: Date, now: Date, window: CheckInWindow): WindowDecision {
  const opensAt = new Date(slotStart.getTime() - window.earlyMinutes * MINUTE);
  const slotDay = businessDay(slotStart);
  const today = businessDay(now);
  if (slotDay !== today) {
    // a future day: come back then; a past day: the appointment is gone
    return slotDay > today ? { ok: false, code: 'APPOINTMENT_WRONG_DAY', comeBackAt: opensAt } : { ok: false, code: 'APPOINTMENT_WRONG_DAY' };
  }
  if (now.getTime() < opensAt.getTime()) return { ok: false, code: 'APPOINTMENT_TOO_EARLY', comeBackAt: opensAt };
  if (now.getTime() > slotStart.getTime() + window.lateMinutes * MINUTE) return { ok: false, code: 'APPOINTMENT_TOO_LATE' };
  return { ok: true };
}

/** What the center's record says about checking in now; undefined when it may go ahead. */
export function statusRefusal(status: Appointment['status']): ErrorCode | undefined {
  switch (status) {
    case 'booked':
      return undefined;
    case 'checked-in':
      return 'APPOINTMENT_ALREADY_CHECKED_IN';
    case 'cancelled':
      return 'APPOINTMENT_CANCELLED';
    case 'missed':
      return 'APPOINTMENT_TOO_LATE';
  }
}

/**
 * The one next step offered with each refusal: come back later (with a time), take a regular
 * ticket for the same service, ask a staff member, or scan again.
 */
export function nextStepFor(code: ErrorCode, comeBackAt?: Date): CheckInNextStep {
  switch (code) {
    case 'APPOINTMENT_TOO_EARLY':
    case 'QUEUE_CENTER_CLOSED':
    case 'QUEUE_HOLIDAY':
    case 'QUEUE_LUNCH_BREAK':
    case 'QUEUE_CUTOFF_REACHED':
      return comeBackAt ? 'come-back' : 'ask-staff';
    case 'APPOINTMENT_WRONG_DAY':
      return comeBackAt ? 'come-back' : 'regular-ticket';
    case 'APPOINTMENT_TOO_LATE':
    case 'APPOINTMENT_CANCELLED':
    case 'APPOINTMENT_EXPIRED':
      return 'regular-ticket';
    case 'APPOINTMENT_MALFORMED':
    case 'APPOINTMENT_NOT_APPOINTMENT_CODE':
    case 'SCAN_EMPTY':
    case 'SCAN_CONTROL_CHARACTERS':
    case 'SCAN_UNKNOWN_FORMAT':
    case 'SCAN_TOO_LONG':
      return 'rescan';
    default:
      return 'ask-staff';
  }
}

/** A dossier ready at the center offers a result-pickup ticket; other states only explain. */
export function dossierOffersPickup(status: DossierStatus): boolean {
  return status === 'ready-for-pickup';
}
