/**
 * The last warnings and errors of this run, for the logs panel and the export bundle. It sits
 * behind the logger's destination as a tee: lines still go to stdout (journald) unchanged, and
 * those at warn level or above are kept here, already redacted by pino.
 */
export interface LogEntry {
  at: string;
  level: string;
  code: string | null;
  msg: string;
}

const LEVELS: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };
const WARN_OR_ABOVE = /"level":(4|5|6)0[,}]/;

export interface LineDestination {
  write(line: string): unknown;
}

export class LogRing {
  private readonly entries: LogEntry[] = [];

  constructor(private readonly capacity = 500) {}

  /** A destination for createLogger that writes to `inner` and keeps warn+ lines here. */
  tee<D extends LineDestination>(inner: D): LineDestination {
    return { write: (line: string) => (this.push(line), inner.write(line)) };
  }

  push(line: string): void {
    if (!WARN_OR_ABOVE.test(line)) return;
    try {
      const o = JSON.parse(line) as { level: number; time?: number; msg?: unknown; code?: unknown; err?: { code?: unknown } };
      const code = typeof o.code === 'string' ? o.code : typeof o.err?.code === 'string' ? o.err.code : null;
      this.entries.push({
        at: new Date(typeof o.time === 'number' ? o.time : Date.now()).toISOString(),
        level: LEVELS[o.level] ?? String(o.level),
        code: code && /^[A-Z][A-Z0-9_]{2,60}$/.test(code) ? code : null,
        msg: String(o.msg ?? '').slice(0, 300),
      });
      if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    } catch {
      // a line that is not JSON is not ours
    }
  }

  /** Newest first. */
  recent(limit = 200): LogEntry[] {
    return this.entries.slice(-limit).reverse();
  }

  byCode(): Array<{ code: string; count: number; lastAt: string }> {
    const map = new Map<string, { code: string; count: number; lastAt: string }>();
    for (const e of this.entries) {
      const key = e.code ?? 'UNCODED';
      const g = map.get(key) ?? { code: key, count: 0, lastAt: e.at };
      g.count++;
      g.lastAt = e.at;
      map.set(key, g);
    }
    return [...map.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt)).slice(0, 200);
  }
}
