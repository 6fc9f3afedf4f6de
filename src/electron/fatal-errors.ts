import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordFatalErrors, type FatalErrorSource } from '../contract/fatal-error-report';
import { CRASH_REPORTS_DIR } from '../contract/shell-controller';

export type { FatalErrorSource } from '../contract/fatal-error-report';

/**
 * A JavaScript exception that kills the shell's main process leaves no minidump (Crashpad sees
 * only native crashes), so it is written by the controller's own writer (contract/fatal-error-report.ts):
 * a fatal-error report in <data>/crashes, summarised to the center with the next heartbeat. What
 * happens next is unchanged: the process dies and systemd restarts the kiosk session.
 */
export function recordMainProcessFatalErrors(dataDir: string, options: { version: string; source?: FatalErrorSource; now?: () => Date; pid?: number }): void {
  recordFatalErrors({ mkdirSync, writeFileSync }, join(dataDir, CRASH_REPORTS_DIR), options.source ?? process, {
    version: options.version, now: options.now ?? (() => new Date()), pid: options.pid ?? process.pid, process: 'electron-main',
  });
}
