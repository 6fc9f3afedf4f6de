/**
 * The controller's side of crash reports: what it finds in <dataDir>/crashes, what it writes
 * when the process dies of an uncaught exception, and how it keeps the folder bounded. Real
 * folders in a temp dir; a real Node.js process for the fatal path.
 */
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { CodedError } from '../../../src/contract/error-codes';
import { CRASH_SUMMARY_MAX, CrashReportSummary } from '../../../src/contract/sync';
import {
  crashReportsDir, listCrashReports, pruneCrashReports, recordFatalErrors, writeFatalErrorReport, type FatalErrorSource,
} from '../../../src/controller/crash-reports';

const T0 = Date.parse('2026-11-30T02:00:00Z');

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), 'lobby-robot-crashes-'));
}

/** Writes a file under <data>/crashes with the given size and modification time. */
function put(data: string, rel: string, size: number, atMs: number): void {
  const path = join(crashReportsDir(data), rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, Buffer.alloc(size, 1));
  utimesSync(path, atMs / 1000, atMs / 1000);
}

describe('listCrashReports', () => {
  it('a robot that never crashed (no folder at all) reports nothing', () => {
    expect(listCrashReports(dataDir())).toEqual({ count: 0, totalBytes: 0, latest: [] });
  });

  it('finds Crashpad minidumps and fatal-error reports, newest first; skips half-written dumps, other files and symlinks', () => {
    const data = dataDir();
    put(data, 'electron/completed/aaa.dmp', 1000, T0);
    put(data, 'electron/pending/bbb.dmp', 2000, T0 + 60_000);
    put(data, 'electron/new/ccc.dmp', 5, T0 + 120_000); // Crashpad is still writing it
    put(data, 'electron/settings.dat', 40, T0);
    put(data, 'notes.txt', 10, T0);
    const fatal = writeFatalErrorReport(data, new CodedError('QUEUE_STORE_FAILED', 'disk gone'), { now: new Date(T0 + 30_000), version: '1.2.3', origin: 'uncaughtException', pid: 42 })!;
    utimesSync(fatal, (T0 + 30_000) / 1000, (T0 + 30_000) / 1000); // as if written then
    symlinkSync('/etc/passwd', join(crashReportsDir(data), 'evil.dmp'));

    const summary = listCrashReports(data);
    expect(summary.count).toBe(3);
    expect(summary.latest.map((r) => [r.kind, r.file])).toEqual([
      ['minidump', 'electron/pending/bbb.dmp'],
      ['fatal-error', expect.stringMatching(/^fatal-2026-11-30T02-00-30-000Z-42\.json$/)],
      ['minidump', 'electron/completed/aaa.dmp'],
    ]);
    expect(summary.latest[0]).toEqual({ kind: 'minidump', file: 'electron/pending/bbb.dmp', at: T0 + 60_000, sizeBytes: 2000 });
    expect(summary.latest[1]!.code).toBe('QUEUE_STORE_FAILED');
    expect(summary.totalBytes).toBe(3000 + summary.latest[1]!.sizeBytes);
  });

  it('a crash loop is counted in full but only the newest few are named, and the summary fits the sync schema', () => {
    const data = dataDir();
    for (let i = 0; i < 40; i++) put(data, `electron/completed/${String(i).padStart(3, '0')}.dmp`, 10, T0 + i * 1000);
    put(data, 'electron/completed/bad name;rm.dmp', 10, T0 + 99_000); // counted, never echoed
    const summary = listCrashReports(data);
    expect(summary.count).toBe(41);
    expect(summary.latest).toHaveLength(CRASH_SUMMARY_MAX);
    expect(summary.latest[0]!.file).toBe('electron/completed/039.dmp');
    expect(CrashReportSummary.safeParse(summary).success).toBe(true);
  });
});

describe('fatal-error reports', () => {
  it('keep the error’s name, code and stack frames but never its message (it may carry a citizen’s data)', () => {
    const data = dataDir();
    const error = Object.assign(new Error('cannot print ticket for Nguyễn Văn A, CCCD 001234567890'), { code: 'ENOSPC' });
    const path = writeFatalErrorReport(data, error, { now: new Date(T0), version: '1.2.3', origin: 'uncaughtException', pid: 7 })!;
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/Nguyễn|001234567890|cannot print/);
    expect(JSON.parse(text)).toMatchObject({ kind: 'fatal-error', at: new Date(T0).toISOString(), version: '1.2.3', origin: 'uncaughtException', name: 'Error', code: 'ENOSPC' });
    expect(JSON.parse(text).frames[0]).toMatch(/^at /);
  });

  it('recordFatalErrors writes one on the monitor event and stops after it is uninstalled', () => {
    const data = dataDir();
    const source = new EventEmitter() as EventEmitter & FatalErrorSource;
    const uninstall = recordFatalErrors(data, { version: '1', source, now: () => new Date(T0) });
    source.emit('uncaughtExceptionMonitor', new TypeError('x'), 'unhandledRejection');
    expect(listCrashReports(data).count).toBe(1);
    uninstall();
    expect(source.listenerCount('uncaughtExceptionMonitor')).toBe(0);
  });

  it('in a real Node.js process: the crash still happens as before (exit 1, error on stderr) and leaves a report', () => {
    const data = dataDir();
    const bundle = join(dataDir(), 'crash-reports.cjs');
    buildSync({ entryPoints: [join(__dirname, '../../../src/controller/crash-reports.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
    const script = `require(${JSON.stringify(bundle)}).recordFatalErrors(${JSON.stringify(data)}, { version: '9.9.9' });
      setTimeout(() => { throw new RangeError('boom') }, 1);`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/RangeError: boom/);
    const files = readdirSync(crashReportsDir(data));
    expect(files).toEqual([expect.stringMatching(/^fatal-.*\.json$/)]);
    expect(JSON.parse(readFileSync(join(crashReportsDir(data), files[0]!), 'utf8'))).toMatchObject({ name: 'RangeError', version: '9.9.9', origin: 'uncaughtException' });
  });
});

describe('pruneCrashReports', () => {
  it('keeps the newest reports within the count and byte limits, always the newest one', () => {
    const data = dataDir();
    for (let i = 0; i < 8; i++) put(data, `electron/completed/${i}.dmp`, 100, T0 + i * 1000);
    expect(pruneCrashReports(data, { keep: 5, maxBytes: 10_000 })).toBe(3);
    expect(listCrashReports(data).latest.map((r) => r.file)).toEqual([7, 6, 5, 4, 3].map((i) => `electron/completed/${i}.dmp`));
    expect(pruneCrashReports(data, { keep: 50, maxBytes: 250 })).toBe(3);
    expect(listCrashReports(data).count).toBe(2);
    expect(pruneCrashReports(data, { keep: 50, maxBytes: 1 })).toBe(1);
    expect(existsSync(join(crashReportsDir(data), 'electron/completed/7.dmp'))).toBe(true);
  });
});
