/**
 * The store's effective time: never earlier than any time the file already holds, so a wall clock
 * set back (a dead RTC battery, a wrong NTP answer) cannot order a new ticket before an old one.
 * The high-water mark is persisted inside the caller's transaction: in the clock row, or by the
 * caller's own row when it records the time itself (an issue's ticket: tickets are inserted in
 * time order and never deleted, so the newest one holds the latest issue time; read back at open).
 */
import { performance } from 'node:perf_hooks';
import { readClock, type ClockState } from '../../core/queue';
import { stmt, type Db } from './database';
import { audit } from './journal';
import type { QueueStoreOptions, StoreClock } from './store-options';

export class EffectiveClock {
  private state: ClockState;
  /** The latest time a committed row holds (clock row or newest ticket): `tick` writes the clock row above it. */
  private persistedMs: number;
  private readonly clock: StoreClock;
  private readonly onJump: QueueStoreOptions['onClockJump'];

  constructor(
    private readonly db: Db,
    options: Pick<QueueStoreOptions, 'clock' | 'onClockJump'>,
  ) {
    this.clock = options.clock ?? { wallMs: () => Date.now(), monoMs: () => performance.now() };
    this.onJump = options.onClockJump;
    const row = stmt(db, 'SELECT max(high_water_ms, coalesce((SELECT issued_at_ms FROM tickets ORDER BY rowid DESC LIMIT 1), 0)) AS ms FROM clock WHERE id = 1').get() as { ms: number };
    this.state = { highWaterMs: row.ms };
    this.persistedMs = row.ms;
  }

  /** The effective time for a write, persisted in the caller's transaction unless `recordedByCaller`. */
  tick(recordedByCaller = false): number {
    const reading = readClock(this.state, this.clock.wallMs(), this.clock.monoMs?.());
    if (reading.jump) {
      audit(this.db, reading.effectiveMs, 'robot', `clock.${reading.jump.direction}-jump`, null, { deltaMs: reading.jump.deltaMs });
      this.onJump?.(reading.jump);
    }
    if (!recordedByCaller && reading.effectiveMs > this.persistedMs) {
      stmt(this.db, 'UPDATE clock SET high_water_ms = ? WHERE id = 1 AND high_water_ms < ?').run(reading.effectiveMs, reading.effectiveMs);
      this.persistedMs = reading.effectiveMs; // a rollback leaves it ahead by at most this millisecond
    }
    this.state = reading.state;
    return reading.effectiveMs;
  }

  /** A ticket issued at `ms` has committed: the file holds that time. */
  committedTicketAt(ms: number): void {
    this.persistedMs = Math.max(this.persistedMs, ms);
  }

  /** Effective now without writing (for display): max(wall clock, high-water mark). */
  now(): Date {
    return new Date(Math.max(this.clock.wallMs(), this.state.highWaterMs));
  }
}
