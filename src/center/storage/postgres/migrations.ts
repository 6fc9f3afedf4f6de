/**
 * The PostgreSQL schema, in numbered steps (the same versioned style as the SQLite side).
 * `schema_version` holds one row per step applied; each step runs once, in its own transaction,
 * while the migrating process holds a session advisory lock, so two instances starting together
 * migrate once (the second waits, then finds nothing to do). Never edit a released step: add one.
 *
 * Each branch (ward center) has a schema of its own holding these tables (branch-pool.ts).
 *
 * Times are ms since the epoch (BIGINT, read back as numbers). Every natural key is a plain
 * column, so a later `branch_id` column (NOT NULL DEFAULT the single branch) can be added and
 * put in front of each key — (branch_id, prefix, day), (branch_id, robot_slot) — in one new step.
 */
import type { Pool } from 'pg';
import { INSTANCES_MIGRATION } from './instances';
import { LOCK } from './tx';

export const PG_MIGRATIONS: string[] = [
  `
  CREATE TABLE enrolment_codes (
    code_hash TEXT PRIMARY KEY, robot_id TEXT, expires_at_ms BIGINT NOT NULL, created_at_ms BIGINT NOT NULL,
    used_at_ms BIGINT, used_by TEXT
  );
  CREATE TABLE devices (
    robot_id TEXT PRIMARY KEY, robot_slot INTEGER NOT NULL UNIQUE, enrolled_at_ms BIGINT NOT NULL, revoked_at_ms BIGINT,
    last_seen_at_ms BIGINT, skew_ms BIGINT, health TEXT,
    reenrolled_count INTEGER NOT NULL DEFAULT 0, last_reenrolled_at_ms BIGINT,
    takeover_refused_count INTEGER NOT NULL DEFAULT 0, last_takeover_refused_at_ms BIGINT
  );
  CREATE TABLE device_tokens (
    token_hash TEXT PRIMARY KEY, robot_id TEXT NOT NULL REFERENCES devices (robot_id), expires_at_ms BIGINT NOT NULL,
    grace_until_ms BIGINT, created_at_ms BIGINT NOT NULL
  );
  CREATE INDEX device_tokens_robot ON device_tokens (robot_id);

  -- one row per (prefix, day): the highest number leased; leasing locks it (SELECT ... FOR UPDATE)
  CREATE TABLE lease_days (prefix TEXT NOT NULL, day TEXT NOT NULL, top INTEGER, PRIMARY KEY (prefix, day));
  CREATE TABLE leases (
    lease_id TEXT PRIMARY KEY, robot_id TEXT NOT NULL, request_id TEXT NOT NULL, prefix TEXT NOT NULL, day TEXT NOT NULL,
    first INTEGER NOT NULL, last INTEGER NOT NULL, created_at_ms BIGINT NOT NULL,
    UNIQUE (robot_id, request_id), UNIQUE (prefix, day, first), CHECK (first <= last)
  );

  CREATE TABLE tickets (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id TEXT NOT NULL UNIQUE, robot_id TEXT NOT NULL, service_id TEXT NOT NULL, counter_group TEXT NOT NULL,
    prefix TEXT NOT NULL, day TEXT NOT NULL, number INTEGER NOT NULL, display TEXT NOT NULL, category_id TEXT,
    language TEXT NOT NULL, robot_state TEXT NOT NULL, version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','waiting','called','served','skipped','voided')),
    attention TEXT, issued_at_ms BIGINT NOT NULL, received_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL,
    counter_id TEXT, called_at_ms BIGINT, done_at_ms BIGINT, settled_at_ms BIGINT, settled_outcome TEXT
  );
  CREATE INDEX tickets_group_day_status ON tickets (counter_group, day, status);
  CREATE INDEX tickets_number ON tickets (prefix, day, number);

  CREATE TABLE counters (id TEXT PRIMARY KEY, label TEXT NOT NULL, counter_group TEXT NOT NULL, current_ticket_id TEXT);

  CREATE TABLE events (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at_ms BIGINT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL);

  CREATE TABLE appointments (
    code TEXT PRIMARY KEY, service_id TEXT NOT NULL, day TEXT NOT NULL, time TEXT NOT NULL, status TEXT NOT NULL, masked_name TEXT NOT NULL
  );
  CREATE TABLE dossiers (
    code TEXT PRIMARY KEY, service_id TEXT NOT NULL, status TEXT NOT NULL, received_day TEXT NOT NULL, due_day TEXT NOT NULL, masked_name TEXT NOT NULL
  );
  CREATE TABLE appointment_check_ins (
    code TEXT PRIMARY KEY REFERENCES appointments (code), check_in_id TEXT NOT NULL, robot_id TEXT NOT NULL, ticket_id TEXT, at_ms BIGINT NOT NULL
  );

  CREATE TABLE staff_calls (
    call_id TEXT PRIMARY KEY, robot_id TEXT NOT NULL, reason TEXT NOT NULL, language TEXT NOT NULL, ticket_id TEXT, ticket_display TEXT,
    called_at_ms BIGINT NOT NULL, received_at_ms BIGINT NOT NULL, acknowledged_at_ms BIGINT
  );
  CREATE INDEX staff_calls_open ON staff_calls (acknowledged_at_ms, called_at_ms);
  CREATE TABLE service_audit (
    event_key TEXT PRIMARY KEY, robot_id TEXT NOT NULL, audit_id INTEGER NOT NULL, at_ms BIGINT NOT NULL, actor TEXT NOT NULL,
    action TEXT NOT NULL, detail TEXT, received_at_ms BIGINT NOT NULL
  );
  CREATE INDEX service_audit_robot ON service_audit (robot_id, at_ms);

  CREATE TABLE staff_sessions (session_hash TEXT PRIMARY KEY, created_at_ms BIGINT NOT NULL, expires_at_ms BIGINT NOT NULL, revoked_at_ms BIGINT);
  CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at_ms);
  `,
  // 2: (issue 18) bookings made at a robot, their personal data in a table the retention job
  // empties, and home visit requests (personal columns erased by retention)
  `
  CREATE TABLE booking_personal_data (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, phone TEXT NOT NULL, name TEXT, masked_phone TEXT NOT NULL, day TEXT NOT NULL
  );
  CREATE INDEX booking_personal_data_day ON booking_personal_data (day);
  CREATE TABLE bookings (
    code TEXT PRIMARY KEY REFERENCES appointments (code), robot_id TEXT NOT NULL, request_id TEXT NOT NULL, counter_group TEXT NOT NULL,
    day TEXT NOT NULL, time TEXT NOT NULL, language TEXT NOT NULL, created_at_ms BIGINT NOT NULL,
    personal_id BIGINT REFERENCES booking_personal_data (id) ON DELETE SET NULL,
    UNIQUE (robot_id, request_id)
  );
  CREATE INDEX bookings_slot ON bookings (counter_group, day, time);
  CREATE TABLE home_visits (
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    visit_id TEXT PRIMARY KEY, robot_id TEXT NOT NULL, request_id TEXT NOT NULL, status_token TEXT UNIQUE, service_id TEXT NOT NULL,
    category TEXT NOT NULL, language TEXT NOT NULL, preferred_days TEXT NOT NULL, status TEXT NOT NULL,
    scheduled_day TEXT, scheduled_time TEXT, staff_name TEXT,
    visit_day TEXT NOT NULL, phone TEXT, masked_phone TEXT NOT NULL, name TEXT, address TEXT,
    requested_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL, purged BOOLEAN NOT NULL DEFAULT false,
    UNIQUE (robot_id, request_id)
  );
  CREATE INDEX home_visits_list ON home_visits (status, requested_at_ms);
  CREATE INDEX home_visits_retention ON home_visits (visit_day) WHERE NOT purged;
  `,
  // 3: (issue 18) satisfaction ratings, one per served ticket; the ticket keeps which staff session completed it
  `
  ALTER TABLE tickets ADD COLUMN served_by_session TEXT;
  CREATE TABLE ratings (
    ticket_id TEXT PRIMARY KEY REFERENCES tickets (ticket_id),
    score TEXT NOT NULL CHECK (score IN ('very-satisfied','satisfied','not-satisfied')),
    reasons TEXT NOT NULL, comment TEXT,
    source TEXT NOT NULL CHECK (source IN ('phone','counter','robot')),
    counter_id TEXT, service_id TEXT NOT NULL, staff_session TEXT, day TEXT NOT NULL, created_at_ms BIGINT NOT NULL
  );
  CREATE INDEX ratings_day ON ratings (day);
  `,
  // 4: (issue 18) the director's statistics read tickets and appointments by business-day range
  `
  CREATE INDEX tickets_day ON tickets (day, status);
  CREATE INDEX appointments_day ON appointments (day);
  `,
  // 5: (issue 19) which branch (ward center) this schema holds: each branch has a schema of its own
  // (public the default one), so every key and lock is per branch; opening it as another is refused
  `
  CREATE TABLE branch_identity (one INTEGER PRIMARY KEY CHECK (one = 1), branch_id TEXT NOT NULL, bound_at_ms BIGINT NOT NULL);
  `,
  // several instances (issue 19): shared rate buckets. Runs in each branch's schema.
  INSTANCES_MIGRATION,
];

/** A database migrated by a newer program: this one must not write to it. */
export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(`the database schema is at version ${found}, newer than this program knows (${PG_MIGRATIONS.length})`);
  }
}

/** Migrates one branch's schema (created when missing; `public` is the default branch's). */
export async function migrate(pool: Pool, schema = 'public'): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, 0)', [LOCK.migrations]);
    try {
      // the schema name comes from a validated branch id (pgSchemaOf): a-z, 0-9 and _ only
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`SET search_path TO "${schema}"`);
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const reached = Number((await client.query<{ v: number }>('SELECT coalesce(max(version), 0) AS v FROM schema_version')).rows[0]!.v);
      if (reached > PG_MIGRATIONS.length) throw new SchemaTooNewError(reached);
      for (let i = reached; i < PG_MIGRATIONS.length; i++) {
        await client.query('BEGIN');
        try {
          await client.query(PG_MIGRATIONS[i]!);
          await client.query('INSERT INTO schema_version (version) VALUES ($1)', [i + 1]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
      }
      return PG_MIGRATIONS.length;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, 0)', [LOCK.migrations]);
    }
  } finally {
    client.release();
  }
}
