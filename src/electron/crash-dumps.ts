import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CRASH_REPORTS_DIR, ELECTRON_CRASH_DUMPS_SUBDIR } from '../contract/shell-controller';
import type { ElectronApi } from './electron-api';
import type { ShellLog } from './log';

export interface CrashDumpOptions {
  env: Record<string, string | undefined>;
  log: ShellLog;
  mkdir?: (dir: string) => void;
}

/** The robot's data folder as the shell sees it: LOBBY_ROBOT_DATA, else Electron's userData. */
export function shellDataDir(app: Pick<ElectronApi['app'], 'getPath'>, env: Record<string, string | undefined>): string {
  return env.LOBBY_ROBOT_DATA || app.getPath('userData');
}

/**
 * Native crashes of every Electron process (main, kiosk renderer, the controller's
 * utilityProcess) are written by Crashpad as minidumps under
 * <data folder>/crashes/electron — the folder the controller lists and reports to the center
 * with its next heartbeat (src/controller/crash-reports.ts). Nothing is ever uploaded by
 * Electron itself: the robot is often offline, and the center is the only place reports go.
 *
 * The data folder is LOBBY_ROBOT_DATA (set by the kiosk unit and by `lobby-robot start`, the
 * same one the controller uses); without it, Electron's userData folder. Must run before the
 * app is ready (Electron's rule for crashReporter.start). Returns the folder, or null when the
 * reporter could not start: a kiosk without crash dumps still serves citizens.
 */
export function startCrashDumps(electron: Pick<ElectronApi, 'app' | 'crashReporter'>, options: CrashDumpOptions): string | null {
  const { app, crashReporter } = electron;
  const dataDir = shellDataDir(app, options.env);
  const dir = join(dataDir, CRASH_REPORTS_DIR, ELECTRON_CRASH_DUMPS_SUBDIR);
  try {
    // app.setPath throws for a folder that does not exist yet
    (options.mkdir ?? ((d) => mkdirSync(d, { recursive: true, mode: 0o750 })))(dir);
    app.setPath('crashDumps', dir);
    crashReporter.start({
      uploadToServer: false,
      // apport and friends must not take the dump away from the folder the center hears about
      ignoreSystemCrashHandler: true,
      compress: true,
      globalExtra: { _productName: 'lobby-robot' },
    });
  } catch (e) {
    options.log.error({ dir, err: e instanceof Error ? e.message : String(e) }, 'crash reporter not started; native crashes will leave no dump');
    return null;
  }
  options.log.info({ dir }, 'crash dumps kept locally');
  return dir;
}
