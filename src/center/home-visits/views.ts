/**
 * What each reader may see of a home visit. Robots and the citizen's status page get the
 * contract's HomeVisit (masked phone, no name, no address); signed-in staff get the full record
 * for the visit itself. Also the staff routes' request schemas, shared with the /visits page.
 */
import { z } from 'zod';
import { ClockTime, HomeVisitStatus, type HomeVisit, type HomeVisitAddress } from '../../contract/sync';
import { IsoDay } from '../../contract/sync/primitives';
import type { HomeVisitRecord } from '../storage/port';

export function toPublicVisit(v: HomeVisitRecord): HomeVisit {
  return {
    visitId: v.visitId, serviceId: v.serviceId, category: v.category, status: v.status, preferredDays: v.preferredDays,
    scheduled: v.scheduled, maskedPhone: v.maskedPhone, language: v.language,
  };
}

/** A visit on the staff page: everything needed to go there and call ahead. */
export interface StaffHomeVisit extends HomeVisit {
  phone: string;
  name: string | null;
  address: HomeVisitAddress;
  staffName: string | null;
  requestedAt: number;
  updatedAt: number;
}

export function toStaffVisit(v: HomeVisitRecord): StaffHomeVisit {
  return {
    ...toPublicVisit(v), phone: v.phone ?? '', name: v.name, address: v.address ?? { ward: '', street: '', houseNumber: '' },
    staffName: v.staffName, requestedAt: v.requestedAtMs, updatedAt: v.updatedAtMs,
  };
}

/** GET /v1/home-visits (staff). */
export const HomeVisitListQuery = z.object({ status: HomeVisitStatus.optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }).strict();
export interface HomeVisitListResponse {
  visits: StaffHomeVisit[];
  serverTime: number;
}

/** GET /v1/home-visits/status/<token> (the citizen's page). */
export interface HomeVisitStatusResponse {
  visit: HomeVisit;
  serverTime: number;
}

/** POST /v1/home-visits/<visitId>/schedule | done | cancel (staff). */
export const ScheduleHomeVisit = z.object({ day: IsoDay, time: ClockTime, staffName: z.string().trim().min(1).max(80) }).strict();
export type ScheduleHomeVisit = z.infer<typeof ScheduleHomeVisit>;
export const CloseHomeVisit = z.object({}).strict();
export interface HomeVisitChangeResponse {
  visit: StaffHomeVisit;
  serverTime: number;
}
