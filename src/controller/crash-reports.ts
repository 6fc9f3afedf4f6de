/**
 * Crash reports kept on the robot, in <dataDir>/crashes:
 * - electron/**.dmp: Crashpad minidumps of any Electron process, the controller's
 *   utilityProcess included (written by src/electron/crash-dumps.ts);
 * - fatal-*.json: the controller's own report of an uncaught exception, written here just
 *   before Node.js ends the process.
 *
 * listCrashReports summarises them for the center (SyncClientOptions.crashReports → the
 * heartbeat): names, times and sizes only. A dump's bytes stay on the robot until a technician
 * fetches them (docs/technician-guide.md); a fatal report holds the error's name, code and
 * stack frames but never its message, which could carry a citizen's data.
 */
import { recordFatalErrors as recordWith, writeFatalErrorReport as writeReport, type FatalContext, type FatalErrorSource } from '../contract/fatal-error-report';
import { lstatSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { CRASH_REPORTS_DIR } from '../contract/shell-controller';
import { CRASH_SUMMARY_MAX, type CrashReportSummary } from '../contract/sync';

type CrashKind = CrashReportSummary['latest'][number]['kind'];

interface FoundReport {
  kind: CrashKind;
  /** Relative to the crashes folder, with / separators. */
  file: string;
  path: string;
  at: number;
  sizeBytes: number;
}

/** Bounds on the walk, so a folder flooded by a crash loop costs a heartbeat little. */
const MAX_DEPTH = 3;
const MAX_ENTRIES_VISITED = 2_000;
/** Crashpad writes a dump under new/ and moves it to pending/ or completed/ once it is whole. */
const SKIPPED_DIRS = new Set(['new', 'attachments']);
const FATAL_FILE = /^fatal-[0-9TZ-]+-\d+\.json$/;
const MAX_FATAL_BYTES = 16 * 1024;

export function crashReportsDir(dataDir: string): string {
  return join(dataDir, CRASH_REPORTS_DIR);
}

function kindOf(name: string): CrashKind | null {
  if (name.endsWith('.dmp')) return 'minidump';
  if (FATAL_FILE.test(name)) return 'fatal-error';
  return null;
}

/** Regular files only (a symlink is never followed), newest first. */
function findReports(root: string): FoundReport[] {
  const found: FoundReport[] = [];
  let visited = 0;
  const walk = (dir: string, rel: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // no crashes folder yet, or not readable: nothing to report
    }
    for (const name of names) {
      if (++visited > MAX_ENTRIES_VISITED) return;
      const path = join(dir, name);
      let st: Stats;
      try {
        st = lstatSync(path);
      } catch {
        continue; // removed meanwhile
      }
      const file = rel ? `${rel}/${name}` : name;
      if (st.isDirectory() && depth < MAX_DEPTH && !SKIPPED_DIRS.has(name)) walk(path, file, depth + 1);
      if (!st.isFile()) continue;
      const kind = kindOf(name);
      if (kind) found.push({ kind, file, path, at: Math.round(st.mtimeMs), sizeBytes: st.size });
    }
  };
  walk(root, '', 0);
  return found.sort((a, b) => b.at - a.at || a.file.localeCompare(b.file));
}

/** The stable code of a fatal report, when it has a well-formed one. */
function fatalCode(path: string, size: number): string | undefined {
  if (size > MAX_FATAL_BYTES) return undefined;
  try {
    const code = (JSON.parse(readFileSync(path, 'utf8')) as { code?: unknown }).code;
    return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

const SAFE_FILE = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+){0,3}$/;

/** What the heartbeat carries: every report counted, the newest CRASH_SUMMARY_MAX named. */
export function listCrashReports(dataDir: string): CrashReportSummary {
  const reports = findReports(crashReportsDir(dataDir));
  const latest = reports
    .filter((r) => SAFE_FILE.test(r.file) && r.file.length <= 160)
    .slice(0, CRASH_SUMMARY_MAX)
    .map((r) => {
      const code = r.kind === 'fatal-error' ? fatalCode(r.path, r.sizeBytes) : undefined;
      return { kind: r.kind, file: r.file, at: r.at, sizeBytes: r.sizeBytes, ...(code ? { code } : {}) };
    });
  return { count: reports.length, totalBytes: reports.reduce((sum, r) => sum + r.sizeBytes, 0), latest };
}

export interface PruneLimits {
  /** Reports kept at most (newest first). */
  keep: number;
  /** Bytes kept at most, newest first; the newest report is always kept. */
  maxBytes: number;
}

export const DEFAULT_PRUNE: PruneLimits = { keep: 50, maxBytes: 256 * 1024 * 1024 };

/** Deletes the oldest reports beyond the limits, so a crash loop never fills the disk. */
export function pruneCrashReports(dataDir: string, limits: PruneLimits = DEFAULT_PRUNE): number {
  let bytes = 0;
  let removed = 0;
  findReports(crashReportsDir(dataDir)).forEach((r, i) => {
    bytes += r.sizeBytes;
    if (i === 0 || (i < limits.keep && bytes <= limits.maxBytes)) return;
    rmSync(r.path, { force: true });
    removed++;
  });
  return removed;
}

export type { FatalContext } from '../contract/fatal-error-report';

/** Writes <dataDir>/crashes/fatal-<time>-<pid>.json synchronously (the process is ending). */
export function writeFatalErrorReport(dataDir: string, error: unknown, context: FatalContext & { pid?: number }): string | null {
  return writeReport({ mkdirSync, writeFileSync }, crashReportsDir(dataDir), error, { ...context, pid: context.pid ?? process.pid });
}

export type { FatalErrorSource } from '../contract/fatal-error-report';

/** The controller's fatal errors, recorded by the one writer (contract/fatal-error-report.ts). Returns the uninstaller. */
export function recordFatalErrors(dataDir: string, options: { version: string; source?: FatalErrorSource; now?: () => Date }): () => void {
  return recordWith({ mkdirSync, writeFileSync }, crashReportsDir(dataDir), options.source ?? process, { version: options.version, now: options.now ?? (() => new Date()), pid: process.pid });
}
