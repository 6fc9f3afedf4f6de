import { basename, join } from 'node:path';
import type { Session } from './electron-api';
import type { ShellLog } from './log';
import { isOnOrigin } from './origin';

/**
 * Service mode hands its support bundle to the page as a download. A kiosk has no one to answer a
 * save dialog, so files from the controller's own page are saved straight into `dir` (the data
 * folder's exports, or a mounted USB stick named by LOBBY_ROBOT_EXPORT_DIR); a download started
 * from anywhere else is cancelled.
 */
export function installDownloadHandler(session: Pick<Session, 'on'>, controllerOrigin: () => string | null, dir: string, log: ShellLog): void {
  session.on('will-download', (_event, item) => {
    // a blob: URL carries the origin of the page that made it
    const url = item.getURL().replace(/^blob:/, '');
    if (!isOnOrigin(url, controllerOrigin())) {
      item.cancel();
      log.warn({ origin: safeOrigin(url) }, 'download refused: not from the controller page');
      return;
    }
    const name = basename(item.getFilename()).replace(/[^\w.-]/g, '_').slice(0, 120) || 'download';
    item.setSavePath(join(dir, name));
    item.once('done', (_e, state) => log.info({ file: name, state }, 'download saved'));
  });
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'unparsable';
  }
}
