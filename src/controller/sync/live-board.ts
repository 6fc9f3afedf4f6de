/**
 * The live board: follows the center's stream for now-serving and queue lengths, fetches the whole
 * board again on every (re)connection (counts are absolute, not deltas) and on a stream reset,
 * and stores the center's call and served marks for this robot's tickets.
 */
import { Board, type StreamEvent } from '../../contract/sync';
import { StreamClient } from './stream-client';
import type { SyncContext } from './sync-context';

export interface LiveBoard {
  /** Opens the stream once (after a pass proved the center answers); later calls do nothing. */
  start(): void;
  stop(): void;
  /** One stream event applied to the link state. */
  apply(e: StreamEvent): void;
}

export function createLiveBoard(ctx: SyncContext): LiveBoard {
  let stream: StreamClient | null = null;

  const refresh = async (): Promise<void> => {
    try {
      const b = (await ctx.http.request('GET', '/v1/board', Board)).body!;
      ctx.link.nowServing = Object.fromEntries(b.counters.map((c) => [c.id, c.serving]));
      ctx.link.waiting = { ...b.waiting };
      ctx.changed();
    } catch {
      // the stream or the next pass will try again
    }
  };

  const apply = (e: StreamEvent): void => {
    if (e.type === 'stream.reset') return void refresh();
    applyToBoard(ctx, e);
    storeMark(ctx, e);
    ctx.changed();
  };

  return {
    start() {
      if (stream) return;
      stream = new StreamClient({
        url: `${ctx.http.baseUrl}/v1/stream`,
        random: ctx.options.random,
        fetchImpl: ctx.options.fetchImpl,
        onEvent: apply,
        onState: (connected) => {
          ctx.link.streamConnected = connected;
          ctx.changed();
          if (connected) void refresh();
        },
      });
      stream.start();
    },
    stop() {
      stream?.stop();
      stream = null;
    },
    apply,
  };
}

function applyToBoard({ link }: SyncContext, e: StreamEvent): void {
  const d = e.data;
  if (d.counterGroup !== undefined && d.waiting !== undefined) link.waiting[d.counterGroup] = d.waiting;
  if ((e.type === 'ticket.called' || e.type === 'ticket.recalled') && d.counterId) link.nowServing[d.counterId] = d.display ?? null;
  if ((e.type === 'ticket.served' || e.type === 'ticket.skipped' || e.type === 'ticket.transferred') && d.counterId && link.nowServing[d.counterId] === d.display) {
    link.nowServing[d.counterId] = null;
  }
}

function storeMark(ctx: SyncContext, e: StreamEvent): void {
  const { marks } = ctx.options;
  const d = e.data;
  if (!marks || !d.ticketId) return;
  try {
    if (e.type === 'ticket.called') marks.applyCenterMark(d.ticketId, { calledAt: new Date(e.at), counterId: d.counterId });
    if (e.type === 'ticket.served') marks.applyCenterMark(d.ticketId, { servedAt: new Date(e.at), counterId: d.counterId });
  } catch (err) {
    // the store ignores other robots' tickets itself: a throw here is the store failing
    ctx.link.lastErrorCode = 'SYNC_MARK_STORE_FAILED';
    ctx.log.warn({ code: 'SYNC_MARK_STORE_FAILED', event: e.type, ticket: d.ticketId, err: err instanceof Error ? err.name : typeof err }, 'a call or served mark from the center could not be stored');
  }
}
