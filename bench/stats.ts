/** Small helpers shared by the benches: percentiles, a round summary, markdown tables, entry detection. */

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median, in percent: how much the rounds disagree. */
  spreadPct: number;
  rounds: number;
}

export function summarize(values: readonly number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, spreadPct: median ? ((s[s.length - 1]! - s[0]!) / Math.abs(median)) * 100 : 0, rounds: s.length };
}

export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Formats a number with a sensible count of digits for a table. */
export function fmt(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  const a = Math.abs(n);
  return a >= 100 ? n.toFixed(0) : a >= 10 ? n.toFixed(1) : a >= 1 ? n.toFixed(2) : n.toFixed(3);
}

/**
 * True when this bench file is the program being run (its own npm script bundles it to
 * dist/bench/<name>.js), false when the runner (run-all) bundled it in as a module.
 */
export function isEntry(name: string): boolean {
  return new RegExp(`[\\\\/]${name}\\.[cm]?[jt]s$`).test(process.argv[1] ?? '');
}
