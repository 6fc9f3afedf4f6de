/**
 * A home visit row as both adapters read it (SQLite and PostgreSQL share the columns).
 */
import type { HomeVisitAddress, HomeVisitCategory, HomeVisitStatus } from '../../../contract/sync';
import type { Language } from '../../../contract/version';
import type { HomeVisitRecord } from '../port';

export interface HomeVisitRow {
  visit_id: string;
  robot_id: string;
  status_token: string | null;
  service_id: string;
  category: string;
  language: string;
  preferred_days: string;
  status: string;
  scheduled_day: string | null;
  scheduled_time: string | null;
  staff_name: string | null;
  phone: string | null;
  masked_phone: string;
  name: string | null;
  address: string | null;
  requested_at_ms: number;
  updated_at_ms: number;
}

export const homeVisitFromRow = (r: HomeVisitRow): HomeVisitRecord => ({
  visitId: r.visit_id, statusToken: r.status_token, robotId: r.robot_id, serviceId: r.service_id,
  category: r.category as HomeVisitCategory, language: r.language as Language, preferredDays: JSON.parse(r.preferred_days) as string[],
  status: r.status as HomeVisitStatus,
  scheduled: r.scheduled_day && r.scheduled_time ? { day: r.scheduled_day, time: r.scheduled_time } : null,
  staffName: r.staff_name, phone: r.phone, maskedPhone: r.masked_phone, name: r.name,
  address: r.address ? (JSON.parse(r.address) as HomeVisitAddress) : null,
  requestedAtMs: r.requested_at_ms, updatedAtMs: r.updated_at_ms,
});

