/**
 * A generated year of a ward center for the statistics tests: 200 tickets a day, realistic waits
 * (mostly under 15 minutes, a long tail) and service times, skips, priorities, appointments,
 * several services, counters and fields; random but seeded, so every run sees the same year.
 * Rows go straight into a real center SQLite file (the store's own schema).
 */
import Database from 'better-sqlite3';
import type { Catalog } from '../../src/contract/catalog';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenTicket {
  seq: number;
  ticketId: string;
  robotId: string;
  serviceId: string;
  counterGroup: string;
  day: string;
  display: string;
  categoryId: string | null;
  status: 'pending' | 'waiting' | 'called' | 'served' | 'skipped' | 'voided';
  issuedAtMs: number;
  counterId: string | null;
  calledAtMs: number | null;
  doneAtMs: number | null;
}

export interface GenAppointment {
  code: string;
  serviceId: string;
  day: string;
  status: 'booked' | 'checked-in' | 'cancelled' | 'missed';
  checkIn: boolean;
}

export const ROBOTS = ['robot-a', 'robot-b'];
/** Not an enrolled device: tickets a member of staff issued (counted as 'staff'). */
export const STAFF_ISSUER = 'staff-desk';

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** ms of a wall time in Asia/Ho_Chi_Minh (+07:00). */
const at = (day: string, minutes: number) => Date.parse(`${day}T00:00:00+07:00`) + minutes * 60_000;

/**
 * `days` days from `first`; the last day is "today": some tickets still waiting or at a counter.
 * Issue times spread over 07:00–17:00 (some early birds before 07:30).
 */
export function generateYear(catalog: Catalog, first: string, days: number, perDay: number, seed = 18): { tickets: GenTicket[]; appointments: GenAppointment[] } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const countersOf = (g: string) => catalog.counters.filter((c) => c.counterGroup === g).map((c) => c.id);
  const services = catalog.services.filter((s) => countersOf(s.counterGroup).length);
  const priorities = catalog.priorityCategories.map((c) => c.id);
  const tickets: GenTicket[] = [];
  const appointments: GenAppointment[] = [];
  let seq = 0;
  for (let d = 0; d < days; d++) {
    const day = addDays(first, d);
    const today = d === days - 1;
    for (let i = 0; i < perDay; i++) {
      const s = r() < 0.4 ? services[0]! : pick(services);
      const issuedAtMs = at(day, 420 + Math.floor(r() * 600)) + Math.floor(r() * 60_000);
      // waits: exponential around 7 min, a long tail past the 15-minute target
      const waitMs = Math.round(-Math.log(1 - r()) * 7 * 60_000) + Math.floor(r() * 1000);
      const serviceMs = Math.round((3 + r() * 12 + (r() < 0.1 ? r() * 30 : 0)) * 60_000);
      const u = r();
      let status: GenTicket['status'] = u < 0.06 ? 'skipped' : u < 0.07 ? 'voided' : u < 0.075 ? 'pending' : 'served';
      if (today && i > perDay - 20) status = i % 2 ? 'waiting' : 'called';
      const called = status === 'served' || status === 'skipped' || status === 'called';
      const v = r();
      const categoryId = v < 0.12 ? pick(priorities) : null;
      tickets.push({
        seq: ++seq, ticketId: `t-${day}-${i}`, robotId: r() < 0.05 ? STAFF_ISSUER : pick(ROBOTS), serviceId: s.id, counterGroup: s.counterGroup, day,
        display: `${s.prefix}${String(i + 1).padStart(3, '0')}`, categoryId, status, issuedAtMs,
        counterId: called ? pick(countersOf(s.counterGroup)) : null,
        calledAtMs: called ? issuedAtMs + waitMs : null,
        doneAtMs: status === 'served' || status === 'skipped' ? issuedAtMs + waitMs + (status === 'served' ? serviceMs : 60_000) : null,
      });
    }
    for (let k = 0; k < 6; k++) {
      const w = r();
      const status: GenAppointment['status'] = w < 0.1 ? 'cancelled' : w < 0.65 ? 'checked-in' : w < 0.75 ? 'missed' : 'booked';
      appointments.push({ code: `APT-${day}-${k}`, serviceId: pick(services).id, day, status, checkIn: status === 'checked-in' });
    }
  }
  return { tickets, appointments };
}

export interface Inserts {
  text: string;
  rows: unknown[][];
}

/**
 * The generated rows as INSERT statements (`?` placeholders) with their parameter rows, in order:
 * the enrolled robots, the tickets (their receipt seq kept: PostgreSQL's identity column needs
 * OVERRIDING SYSTEM VALUE for that), the appointments and their check-ins.
 */
export function yearInserts(year: { tickets: GenTicket[]; appointments: GenAppointment[] }, dialect: 'sqlite' | 'postgres' = 'sqlite'): Inserts[] {
  return [
    { text: 'INSERT INTO devices (robot_id, robot_slot, enrolled_at_ms) VALUES (?, ?, 0)', rows: ROBOTS.map((id, i) => [id, i + 1]) },
    {
      text: `INSERT INTO tickets (seq, ticket_id, robot_id, service_id, counter_group, prefix, day, number, display, category_id, language, robot_state, version, status,
                                 issued_at_ms, received_at_ms, updated_at_ms, counter_id, called_at_ms, done_at_ms) ${dialect === 'postgres' ? 'OVERRIDING SYSTEM VALUE' : ''}
             VALUES (?, ?, ?, ?, ?, 'A', ?, ?, ?, ?, 'vi', 'printed', 3, ?, ?, ?, ?, ?, ?, ?)`,
      rows: year.tickets.map((t) => [
        t.seq, t.ticketId, t.robotId, t.serviceId, t.counterGroup, t.day, t.seq, t.display, t.categoryId, t.status, t.issuedAtMs, t.issuedAtMs, t.issuedAtMs, t.counterId, t.calledAtMs, t.doneAtMs,
      ]),
    },
    { text: "INSERT INTO appointments (code, service_id, day, time, status, masked_name) VALUES (?, ?, ?, '09:00', ?, 'N*** A')", rows: year.appointments.map((a) => [a.code, a.serviceId, a.day, a.status]) },
    {
      text: "INSERT INTO appointment_check_ins (code, check_in_id, robot_id, at_ms) VALUES (?, ?, 'robot-a', 0)",
      rows: year.appointments.filter((a) => a.checkIn).map((a) => [a.code, `ci-${a.code}`]),
    },
  ];
}

/** Inserts the generated rows (and the enrolled robots) into the center database file. */
export function insertYear(file: string, year: { tickets: GenTicket[]; appointments: GenAppointment[] }): void {
  const db = new Database(file);
  try {
    db.transaction(() => {
      for (const { text, rows } of yearInserts(year)) {
        const st = db.prepare(text);
        for (const r of rows) st.run(...r);
      }
    })();
  } finally {
    db.close();
  }
}
