import type { Session } from './electron-api';
import { isOnOrigin } from './origin';

/**
 * The UI needs the camera (QR codes) and the microphone (voice); nothing else, and only on the
 * controller's own page. Every other permission and every other origin is denied.
 */
export function installPermissionHandlers(session: Session, controllerOrigin: () => string | null): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const origin = controllerOrigin();
    const securityOrigin = 'securityOrigin' in details ? details.securityOrigin : undefined;
    callback(
      permission === 'media' &&
        details.isMainFrame &&
        isOnOrigin(details.requestingUrl, origin) &&
        (securityOrigin === undefined || isOnOrigin(securityOrigin, origin)),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const origin = controllerOrigin();
    return (
      permission === 'media' &&
      isOnOrigin(requestingOrigin, origin) &&
      (details.securityOrigin === undefined || isOnOrigin(details.securityOrigin, origin)) &&
      (details.embeddingOrigin === undefined || isOnOrigin(details.embeddingOrigin, origin))
    );
  });
  // HID, serial and USB belong to the controller, never to the page
  session.setDevicePermissionHandler(() => false);
}
