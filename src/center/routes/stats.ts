/**
 * The director's statistics (issue 18): GET /v1/stats (JSON, StatsResponse) and GET /v1/stats.csv
 * (one row per ticket), both for a staff key or a signed-in staff page, over at most 400 days.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STATS_CSV_COLUMNS, StatsQuery, type StatsResponse } from '../../contract/sync';
import { CENTER_TIME_ZONE } from '../../core/business-day';
import type { CenterContext } from '../context';
import { requireStaffOrAdmin } from '../http/auth';
import { CenterError } from '../http/errors';
import { isoInZone, statsInput, waitTargetOf } from '../stats-input';
import type { StatsTicketRow } from '../storage/port';

/** Rows read per query while streaming the CSV: a year (~73 000 rows) never sits in memory at once. */
const CSV_PAGE = 2000;

function rangeOf(req: FastifyRequest): StatsQuery {
  return rangeOfQuery(req.query);
}

/**
 * RFC 4180 cell. Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe (OWASP's CSV-injection advice); numbers are written as they are.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(cells: (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const seconds = (a: number | null, b: number | null) => (a !== null && b !== null ? (b - a) / 1000 : null);

function rowCells(t: StatsTicketRow, fieldOf: Map<string, string>): (string | number | null)[] {
  return [
    t.ticketId, t.day, t.display, t.serviceId, fieldOf.get(t.serviceId) ?? null, t.counterGroup, t.counterId, t.categoryId, t.origin, t.robotId, t.status,
    isoInZone(t.issuedAtMs), t.calledAtMs === null ? null : isoInZone(t.calledAtMs), t.doneAtMs === null ? null : isoInZone(t.doneAtMs),
    seconds(t.issuedAtMs, t.calledAtMs), t.status === 'served' ? seconds(t.calledAtMs, t.doneAtMs) : null,
  ];
}

async function* csvOf(ctx: CenterContext, q: StatsQuery): AsyncGenerator<string> {
  const fieldOf = new Map(ctx.catalog.services.map((s) => [s.id, s.fieldId]));
  yield csvLine([...STATS_CSV_COLUMNS]);
  let after = 0;
  for (;;) {
    const rows = await ctx.storage.statsTickets(q.from, q.to, after, CSV_PAGE);
    if (!rows.length) return;
    yield rows.map((t) => csvLine(rowCells(t, fieldOf))).join('');
    after = rows[rows.length - 1]!.seq;
  }
}

/** One branch's figures over a range (also read across branches by the city administrator). */
export async function statsOf(ctx: CenterContext, q: StatsQuery): Promise<StatsResponse> {
  const figures = await ctx.storage.stats(statsInput(ctx.catalog, q, ctx.now()));
  return { from: q.from, to: q.to, timeZone: CENTER_TIME_ZONE, targetMinutes: waitTargetOf(ctx.catalog).minutes, ...figures, serverTime: ctx.now() };
}

export function rangeOfQuery(query: unknown): StatsQuery {
  const q = StatsQuery.safeParse(query);
  if (!q.success) throw new CenterError(400, 'STATS_RANGE_INVALID');
  return q.data;
}

export function statsRoutes(app: FastifyInstance, ctx: CenterContext): void {
  app.get('/v1/stats', async (req): Promise<StatsResponse> => {
    requireStaffOrAdmin(ctx, req);
    return statsOf(ctx, rangeOf(req));
  });

  app.get('/v1/stats.csv', async (req, reply) => {
    requireStaffOrAdmin(ctx, req);
    const q = rangeOf(req);
    const stream = Readable.from(csvOf(ctx, q));
    stream.on('error', (e) => ctx.log.error({ err: { message: e.message } }, 'statistics export failed'));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="tickets-${q.from}-${q.to}.csv"`)
      .header('cache-control', 'no-store')
      .send(stream);
  });
}
