import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fatalErrorFileName, fatalErrorReport } from '../contract/fatal-error-report';
import { CRASH_REPORTS_DIR } from '../contract/shell-controller';

/** The part of `process` used: the monitor event runs before Node.js's default crash. */
export interface FatalErrorSource {
  on(event: 'uncaughtExceptionMonitor', listener: (error: Error, origin: string) => void): unknown;
}

/**
 * A JavaScript exception that kills the shell's main process leaves no minidump (Crashpad sees
 * only native crashes), so it is written as the controller writes its own: a fatal-error report
 * in <data>/crashes, summarised to the center with the next heartbeat. What happens next is
 * unchanged: the process dies and systemd restarts the kiosk session.
 */
export function recordMainProcessFatalErrors(dataDir: string, options: { version: string; source?: FatalErrorSource; now?: () => Date; pid?: number }): void {
  (options.source ?? process).on('uncaughtExceptionMonitor', (error, origin) => {
    const now = (options.now ?? (() => new Date()))();
    const dir = join(dataDir, CRASH_REPORTS_DIR);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o750 });
      const report = fatalErrorReport(error, { now, version: options.version, origin, process: 'electron-main' });
      writeFileSync(join(dir, fatalErrorFileName(now, options.pid ?? process.pid)), `${JSON.stringify(report, null, 2)}\n`, { mode: 0o640 });
    } catch {
      // a full or read-only disk: the journal still has the error
    }
  });
}
