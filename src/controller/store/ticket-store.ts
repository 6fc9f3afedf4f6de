import { randomUUID } from 'node:crypto';
import type { ErrorCode, Language, Ticket, TicketState } from '../../contract';
import { formatTicketNumber } from '../../core/ticket-number';
import type { Db } from './database';

interface TicketRow {
  id: string;
  service_id: string;
  day: string;
  number: number;
  display: string;
  language: string;
  state: string;
  issued_at: string;
}

export interface IssueRequest {
  serviceId: string;
  prefix: string;
  day: string;
  language: Language;
  width: number;
  now: Date;
}

/** Tickets and their numbers, durable before anything is printed. */
export class TicketStore {
  constructor(private readonly db: Db) {}

  /** Takes the next number of (prefix, day) and stores the ticket in one transaction. */
  issue(req: IssueRequest): Ticket {
    const at = req.now.toISOString();
    const id = randomUUID();
    this.db.transaction(() => {
      const row = this.db
        .prepare(
          `INSERT INTO number_series (prefix, day, last_number) VALUES (?, ?, 1)
           ON CONFLICT (prefix, day) DO UPDATE SET last_number = last_number + 1
           RETURNING last_number`,
        )
        .get(req.prefix, req.day) as { last_number: number };
      this.db
        .prepare(
          `INSERT INTO tickets (id, service_id, prefix, day, number, display, language, state, issued_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?)`,
        )
        .run(id, req.serviceId, req.prefix, req.day, row.last_number, formatTicketNumber(req.prefix, row.last_number, req.width), req.language, at, at);
    })();
    return this.get(id)!;
  }

  setState(id: string, state: TicketState, now: Date, printError?: ErrorCode): Ticket {
    this.db
      .prepare('UPDATE tickets SET state = ?, print_error = ?, updated_at = ? WHERE id = ?')
      .run(state, printError ?? null, now.toISOString(), id);
    return this.get(id)!;
  }

  get(id: string): Ticket | undefined {
    const row = this.db.prepare('SELECT * FROM tickets WHERE id = ?').get(id) as TicketRow | undefined;
    return row && toTicket(row);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  }
}

function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    serviceId: r.service_id,
    day: r.day,
    number: r.number,
    display: r.display,
    language: r.language as Language,
    state: r.state as TicketState,
    issuedAt: r.issued_at,
  };
}
