/**
 * Opens the center's SQLite file (WAL, synchronous FULL: an acknowledged ticket survives a power
 * cut) and brings its schema up to date. PRAGMA user_version holds the version reached; each
 * migration runs once, in its own transaction. Never edit a released step: add one.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;

const MIGRATIONS: string[] = [
  `
  CREATE TABLE enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    robot_id TEXT,
    expires_at_ms INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL,
    used_at_ms INTEGER,
    used_by TEXT
  );
  CREATE TABLE devices (
    robot_id TEXT PRIMARY KEY,
    robot_slot INTEGER NOT NULL UNIQUE,
    enrolled_at_ms INTEGER NOT NULL,
    revoked_at_ms INTEGER,
    last_seen_at_ms INTEGER,
    skew_ms INTEGER,
    health TEXT
  );
  CREATE TABLE device_tokens (
    token_hash TEXT PRIMARY KEY,
    robot_id TEXT NOT NULL REFERENCES devices (robot_id),
    expires_at_ms INTEGER NOT NULL,
    grace_until_ms INTEGER,
    created_at_ms INTEGER NOT NULL
  );
  CREATE INDEX device_tokens_robot ON device_tokens (robot_id);

  -- every block ever leased; a number belongs to at most one block (UNIQUE + the allocator)
  CREATE TABLE leases (
    lease_id TEXT PRIMARY KEY,
    robot_id TEXT NOT NULL,
    request_id TEXT NOT NULL,
    prefix TEXT NOT NULL,
    day TEXT NOT NULL,
    first INTEGER NOT NULL,
    last INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL,
    UNIQUE (robot_id, request_id),
    UNIQUE (prefix, day, first),
    CHECK (first <= last)
  );

  CREATE TABLE tickets (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id TEXT NOT NULL UNIQUE,
    robot_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    counter_group TEXT NOT NULL,
    prefix TEXT NOT NULL,
    day TEXT NOT NULL,
    number INTEGER NOT NULL,
    display TEXT NOT NULL,
    category_id TEXT,
    language TEXT NOT NULL,
    robot_state TEXT NOT NULL,
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','waiting','called','served','skipped','voided')),
    attention TEXT,
    issued_at_ms INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    counter_id TEXT,
    called_at_ms INTEGER,
    done_at_ms INTEGER
  );
  CREATE INDEX tickets_group_status ON tickets (counter_group, status);
  CREATE INDEX tickets_number ON tickets (prefix, day, number);

  CREATE TABLE counters (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    counter_group TEXT NOT NULL,
    current_ticket_id TEXT
  );

  CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL
  );

  CREATE TABLE appointments (
    code TEXT PRIMARY KEY,
    service_id TEXT NOT NULL,
    day TEXT NOT NULL,
    time TEXT NOT NULL,
    status TEXT NOT NULL,
    masked_name TEXT NOT NULL
  );
  CREATE TABLE dossiers (
    code TEXT PRIMARY KEY,
    service_id TEXT NOT NULL,
    status TEXT NOT NULL,
    received_day TEXT NOT NULL,
    due_day TEXT NOT NULL,
    masked_name TEXT NOT NULL
  );
  `,
  // issue 6: appointment check-ins, one per appointment; check_in_id makes a repeated request idempotent
  `
  CREATE TABLE appointment_check_ins (
    code TEXT PRIMARY KEY REFERENCES appointments(code),
    check_in_id TEXT NOT NULL,
    robot_id TEXT NOT NULL,
    ticket_id TEXT,
    at_ms INTEGER NOT NULL
  );
  `,
  // 3: robot events — staff calls (open until a member of staff acknowledges) and service audit rows
  `
  CREATE TABLE staff_calls (
    call_id TEXT PRIMARY KEY,
    robot_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    language TEXT NOT NULL,
    ticket_id TEXT,
    ticket_display TEXT,
    called_at_ms INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL,
    acknowledged_at_ms INTEGER
  );
  CREATE INDEX staff_calls_open ON staff_calls (acknowledged_at_ms, called_at_ms);

  CREATE TABLE service_audit (
    event_key TEXT PRIMARY KEY,
    robot_id TEXT NOT NULL,
    audit_id INTEGER NOT NULL,
    at_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT,
    received_at_ms INTEGER NOT NULL
  );
  CREATE INDEX service_audit_robot ON service_audit (robot_id, at_ms);
  `,
  // 4: enrolment history per robot for the fleet page — re-enrolments, and refused takeovers of a live id
  `
  ALTER TABLE devices ADD COLUMN reenrolled_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE devices ADD COLUMN last_reenrolled_at_ms INTEGER;
  ALTER TABLE devices ADD COLUMN takeover_refused_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE devices ADD COLUMN last_takeover_refused_at_ms INTEGER;
  `,
  // 5: (issue 16) a ticket a robot was printing when it crashed is callable; staff settle it here
  `
  ALTER TABLE tickets ADD COLUMN settled_at_ms INTEGER;
  ALTER TABLE tickets ADD COLUMN settled_outcome TEXT;
  -- flagged before this version, such tickets stayed pending (never called): queue them now
  UPDATE tickets SET status = 'waiting'
   WHERE status = 'pending' AND robot_state = 'printing' AND attention = 'QUEUE_PRINT_OUTCOME_UNKNOWN';
  `,
  // 6: staff sign-in sessions of the counter and fleet pages (only the cookie's hash is kept)
  `
  CREATE TABLE staff_sessions (
    session_hash TEXT PRIMARY KEY,
    created_at_ms INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    revoked_at_ms INTEGER
  );
  CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at_ms);
  `,
  // 7: (issue 18) bookings made at a robot — the slot a booked appointment holds, its request id
  // (idempotency) and, in a table of its own that the retention job empties, the personal data
  `
  CREATE TABLE booking_personal_data (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    phone TEXT NOT NULL,
    name TEXT,
    masked_phone TEXT NOT NULL,
    day TEXT NOT NULL
  );
  CREATE INDEX booking_personal_data_day ON booking_personal_data (day);
  CREATE TABLE bookings (
    code TEXT PRIMARY KEY REFERENCES appointments (code),
    robot_id TEXT NOT NULL,
    request_id TEXT NOT NULL,
    counter_group TEXT NOT NULL,
    day TEXT NOT NULL,
    time TEXT NOT NULL,
    language TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    personal_id INTEGER REFERENCES booking_personal_data (id) ON DELETE SET NULL,
    UNIQUE (robot_id, request_id)
  );
  CREATE INDEX bookings_slot ON bookings (counter_group, day, time);
  `,
  // 8: (issue 18) home visit requests; phone, name, address and status link are erased by retention
  `
  CREATE TABLE home_visits (
    visit_id TEXT PRIMARY KEY,
    robot_id TEXT NOT NULL,
    request_id TEXT NOT NULL,
    status_token TEXT UNIQUE,
    service_id TEXT NOT NULL,
    category TEXT NOT NULL,
    language TEXT NOT NULL,
    preferred_days TEXT NOT NULL,
    status TEXT NOT NULL,
    scheduled_day TEXT,
    scheduled_time TEXT,
    staff_name TEXT,
    -- the day retention counts from: the scheduled day, else the last preferred day
    visit_day TEXT NOT NULL,
    phone TEXT,
    masked_phone TEXT NOT NULL,
    name TEXT,
    address TEXT,
    requested_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    purged INTEGER NOT NULL DEFAULT 0,
    UNIQUE (robot_id, request_id)
  );
  CREATE INDEX home_visits_list ON home_visits (status, requested_at_ms);
  CREATE INDEX home_visits_retention ON home_visits (visit_day) WHERE purged = 0;
  `,
  // 9: (issue 18) satisfaction ratings, one per served ticket; the ticket keeps which staff session completed it
  `
  ALTER TABLE tickets ADD COLUMN served_by_session TEXT;
  CREATE TABLE ratings (
    ticket_id TEXT PRIMARY KEY REFERENCES tickets (ticket_id),
    score TEXT NOT NULL CHECK (score IN ('very-satisfied','satisfied','not-satisfied')),
    reasons TEXT NOT NULL,
    comment TEXT,
    source TEXT NOT NULL CHECK (source IN ('phone','counter','robot')),
    counter_id TEXT,
    service_id TEXT NOT NULL,
    staff_session TEXT,
    day TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
  );
  CREATE INDEX ratings_day ON ratings (day);
  `,
  // 10: (issue 18) the director's statistics read tickets and appointments by business-day range
  `
  CREATE INDEX tickets_day ON tickets (day, status);
  CREATE INDEX appointments_day ON appointments (day);
  `,
  // 11: (issue 19) which branch (ward center) this file holds: each branch has a file of its own
  // (center.sqlite the default one), so every key is per branch; opening it as another is refused
  `
  CREATE TABLE branch_identity (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    branch_id TEXT NOT NULL,
    bound_at_ms INTEGER NOT NULL
  );
  `,
];

export function openCenterDb(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const reached = db.pragma('user_version', { simple: true }) as number;
  MIGRATIONS.forEach((sql, i) => {
    if (i < reached) return;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${i + 1}`);
    }).immediate();
  });
  return db;
}
