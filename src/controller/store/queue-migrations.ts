/**
 * Versioned schema of the robot's queue store. PRAGMA user_version holds the version reached;
 * each step runs once, in its own transaction. Never edit a released step: add one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const STATES = "'issued','printing','printed','print_failed','voided','reprinted'";

export const QUEUE_MIGRATIONS: Migration[] = [
  {
    // the foundation's first schema, kept verbatim so files created by it migrate forward
    version: 1,
    name: 'foundation: tickets and a plain number series',
    sql: `
      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL,
        prefix TEXT NOT NULL,
        day TEXT NOT NULL,
        number INTEGER NOT NULL,
        display TEXT NOT NULL,
        language TEXT NOT NULL,
        state TEXT NOT NULL,
        print_error TEXT,
        issued_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (prefix, day, number)
      );
      CREATE TABLE number_series (
        prefix TEXT NOT NULL,
        day TEXT NOT NULL,
        last_number INTEGER NOT NULL,
        PRIMARY KEY (prefix, day)
      );
    `,
  },
  {
    version: 2,
    name: 'queue store: tickets, number sources, voids, outbox, audit, clock, service times',
    sql: `
      -- the foundation tables are kept, renamed, for a technician; their numbers predate leases
      ALTER TABLE tickets RENAME TO legacy_tickets_v1;
      ALTER TABLE number_series RENAME TO legacy_number_series_v1;
      CREATE TABLE clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        high_water_ms INTEGER NOT NULL
      );
      INSERT INTO clock (id, high_water_ms) VALUES (1, 0);

      -- where numbers come from: blocks leased from the center, or this robot's fallback run
      CREATE TABLE number_sources (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        prefix TEXT NOT NULL,
        day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('lease', 'fallback')),
        lease_id TEXT,
        first INTEGER NOT NULL,
        last INTEGER NOT NULL,
        next INTEGER NOT NULL,
        created_at_ms INTEGER NOT NULL,
        CHECK (first >= 1 AND first <= last AND next >= first AND next <= last + 1),
        UNIQUE (prefix, day, first)
      );
      CREATE UNIQUE INDEX number_sources_lease ON number_sources (lease_id) WHERE lease_id IS NOT NULL;
      CREATE UNIQUE INDEX number_sources_one_fallback ON number_sources (prefix, day) WHERE kind = 'fallback';

      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        robot_id TEXT NOT NULL,
        service_id TEXT NOT NULL,
        counter_group TEXT NOT NULL,
        prefix TEXT NOT NULL,
        day TEXT NOT NULL,
        number INTEGER NOT NULL,
        display TEXT NOT NULL,
        source_id INTEGER NOT NULL REFERENCES number_sources (id),
        category_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('normal', 'priority', 'appointment')),
        language TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN (${STATES})),
        version INTEGER NOT NULL,
        print_attempts INTEGER NOT NULL DEFAULT 0,
        last_print_error TEXT,
        attention TEXT,
        issued_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        synced_at_ms INTEGER,
        called_at_ms INTEGER,
        served_at_ms INTEGER,
        counter_id TEXT,
        UNIQUE (prefix, day, number)
      );
      CREATE INDEX tickets_state ON tickets (state);
      CREATE INDEX tickets_day_group ON tickets (day, counter_group);

      -- a voided number is recorded here and never given out again
      CREATE TABLE voided_numbers (
        prefix TEXT NOT NULL,
        day TEXT NOT NULL,
        number INTEGER NOT NULL,
        ticket_id TEXT NOT NULL REFERENCES tickets (id),
        reason TEXT NOT NULL,
        actor TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        PRIMARY KEY (prefix, day, number)
      );

      -- events for the center, written in the same transaction as the change they describe
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        event_key TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        ticket_id TEXT,
        payload TEXT NOT NULL,
        created_at_ms INTEGER NOT NULL
      );

      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at_ms INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        ticket_id TEXT,
        detail TEXT
      );

      -- minutes from call to done, from the center's marks: the robot's own wait history
      CREATE TABLE service_times (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        service_id TEXT NOT NULL,
        minutes REAL NOT NULL,
        at_ms INTEGER NOT NULL
      );
      CREATE INDEX service_times_service ON service_times (service_id, id);
    `,
  },
  {
    version: 3,
    name: 'appointment check-ins: one row per appointment, claimed before its ticket is printed',
    // IF NOT EXISTS: files from before this step got the same table from check-in-log.ts at start
    sql: `
      CREATE TABLE IF NOT EXISTS appointment_check_ins (
        appointment_id TEXT PRIMARY KEY,
        check_in_id TEXT NOT NULL UNIQUE,
        ticket_id TEXT,
        at TEXT NOT NULL,
        center_outcome TEXT
      );
    `,
  },
  {
    version: 4,
    name: 'granted robot slot switches the fallback run; lease request ids stored before asking',
    sql: `
      -- a slot granted at enrolment replaces the configured one: the old slot's run is closed and
      -- a new run is opened for the same (prefix, day), so one fallback row per slot, not per day
      DROP INDEX number_sources_one_fallback;

      -- the request id of a lease asked for and not yet answered, reused after a crash so the
      -- center returns the same block instead of a second one (docs/sync-protocol.md)
      CREATE TABLE lease_requests (
        prefix TEXT NOT NULL,
        day TEXT NOT NULL,
        request_id TEXT NOT NULL UNIQUE,
        created_at_ms INTEGER NOT NULL,
        PRIMARY KEY (prefix, day)
      );
    `,
  },
  {
    version: 5,
    name: 'waiting tickets counted per day and counter group, kept by triggers: the people-ahead count of every issue is one lookup',
    // every issue counts the people waiting ahead; counting the rows took a third of an issue's CPU
    // at 1,000 tickets a day. Triggers keep the count whoever changes the tickets table.
    sql: `
      CREATE TABLE waiting_counts (
        day TEXT NOT NULL,
        counter_group TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (day, counter_group)
      ) WITHOUT ROWID;
      INSERT INTO waiting_counts (day, counter_group, n)
        SELECT day, counter_group, count(*) FROM tickets
        WHERE state NOT IN ('voided', 'print_failed') AND called_at_ms IS NULL AND served_at_ms IS NULL
        GROUP BY day, counter_group;
      CREATE TRIGGER tickets_waiting_insert AFTER INSERT ON tickets
        WHEN new.state NOT IN ('voided', 'print_failed') AND new.called_at_ms IS NULL AND new.served_at_ms IS NULL
      BEGIN
        INSERT INTO waiting_counts (day, counter_group, n) VALUES (new.day, new.counter_group, 1)
          ON CONFLICT (day, counter_group) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER tickets_waiting_delete AFTER DELETE ON tickets
        WHEN old.state NOT IN ('voided', 'print_failed') AND old.called_at_ms IS NULL AND old.served_at_ms IS NULL
      BEGIN
        UPDATE waiting_counts SET n = n - 1 WHERE day = old.day AND counter_group = old.counter_group;
      END;
      CREATE TRIGGER tickets_waiting_update AFTER UPDATE OF state, called_at_ms, served_at_ms, day, counter_group ON tickets
        WHEN (old.state NOT IN ('voided', 'print_failed') AND old.called_at_ms IS NULL AND old.served_at_ms IS NULL) IS NOT (new.state NOT IN ('voided', 'print_failed') AND new.called_at_ms IS NULL AND new.served_at_ms IS NULL)
          OR old.day IS NOT new.day OR old.counter_group IS NOT new.counter_group
      BEGIN
        UPDATE waiting_counts SET n = n - 1
          WHERE day = old.day AND counter_group = old.counter_group AND old.state NOT IN ('voided', 'print_failed') AND old.called_at_ms IS NULL AND old.served_at_ms IS NULL;
        INSERT INTO waiting_counts (day, counter_group, n) SELECT new.day, new.counter_group, 1
          WHERE new.state NOT IN ('voided', 'print_failed') AND new.called_at_ms IS NULL AND new.served_at_ms IS NULL
          ON CONFLICT (day, counter_group) DO UPDATE SET n = n + 1;
      END;
    `,
  },
  {
    version: 6,
    name: 'a ticket is its own outbox and its own number cursor: issuing writes one row',
    // Issuing used to write four rows (cursor, ticket, outbox event, audit line), each a page of the
    // WAL and its fsync. The ticket row already holds all they said: the center is owed a ticket
    // whose version is above the one it acknowledged (only the latest version is sent; the center
    // keeps the highest anyway), and a source's cursor is one past the highest number issued from
    // it (tickets are never deleted). Old cursors stay as floors (a used-up source's floor is past its
    // last number, so its tickets are not looked up); pending events become versions owed.
    sql: `
      ALTER TABLE tickets ADD COLUMN acked_version INTEGER NOT NULL DEFAULT 0;
      UPDATE tickets SET acked_version = coalesce(
        (SELECT min(json_extract(o.payload, '$.version')) - 1 FROM outbox o WHERE o.type = 'ticket.changed' AND o.ticket_id = tickets.id),
        version);
      DELETE FROM outbox WHERE type = 'ticket.changed';
      CREATE INDEX tickets_unacked ON tickets (updated_at_ms) WHERE acked_version < version;
      CREATE VIEW number_cursors AS
        SELECT s.id, s.prefix, s.day, s.kind, s.first, s.last,
          CASE WHEN s.next > s.last THEN s.next
            ELSE max(s.next, coalesce((SELECT max(t.number) + 1 FROM tickets t
              WHERE t.prefix = s.prefix AND t.day = s.day AND t.number BETWEEN s.first AND s.last), s.first)) END AS next
        FROM number_sources s;
    `,
  },
];
