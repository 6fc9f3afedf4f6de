import { installPermissionHandlers } from '../../../src/electron/permissions';
import type { Session } from '../../../src/electron/electron-api';

const CONTROLLER = 'http://127.0.0.1:8787/';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: object) => boolean;

function setup(controllerUrl: string | null = CONTROLLER) {
  const session = {
    setPermissionRequestHandler: jest.fn(),
    setPermissionCheckHandler: jest.fn(),
    setDevicePermissionHandler: jest.fn(),
  };
  const origin = controllerUrl === null ? null : new URL(controllerUrl).origin;
  installPermissionHandlers(session as unknown as Session, () => origin);
  const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as RequestHandler;
  const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as CheckHandler;
  const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (details: object) => boolean;
  const ask = (permission: string, details: object) => {
    const callback = jest.fn();
    request({}, permission, callback, details);
    expect(callback).toHaveBeenCalledTimes(1);
    return callback.mock.calls[0]?.[0] as boolean;
  };
  return { ask, check, device };
}

const mediaRequest = (requestingUrl: string, extra: object = {}) => ({
  isMainFrame: true,
  requestingUrl,
  mediaTypes: ['video', 'audio'],
  securityOrigin: new URL(requestingUrl).origin,
  ...extra,
});

describe('session permission handlers', () => {
  it('grants camera and microphone to the controller page', () => {
    const { ask } = setup();
    expect(ask('media', mediaRequest('http://127.0.0.1:8787/index.html'))).toBe(true);
  });

  it.each([
    ['another port', 'http://127.0.0.1:9999/'],
    ['another host', 'http://evil.example/'],
    ['https on the same host', 'https://127.0.0.1:8787/'],
    ['localhost instead of 127.0.0.1', 'http://localhost:8787/'],
    ['a file URL', 'file:///etc/passwd'],
  ])('denies media to %s', (_label, url) => {
    const { ask } = setup();
    expect(ask('media', mediaRequest(url))).toBe(false);
  });

  it('denies media to a sub-frame, even on the controller origin', () => {
    const { ask } = setup();
    expect(ask('media', mediaRequest(CONTROLLER, { isMainFrame: false }))).toBe(false);
  });

  it('denies media when the security origin is foreign', () => {
    const { ask } = setup();
    expect(ask('media', mediaRequest(CONTROLLER, { securityOrigin: 'http://evil.example' }))).toBe(false);
  });

  it('denies media before the controller reported its address', () => {
    const { ask } = setup(null);
    expect(ask('media', mediaRequest(CONTROLLER))).toBe(false);
  });

  it.each([
    'geolocation', 'notifications', 'display-capture', 'clipboard-read', 'fullscreen', 'midi', 'midiSysex',
    'openExternal', 'pointerLock', 'keyboardLock', 'window-management', 'fileSystem', 'unknown', 'storage-access',
  ])('denies %s even to the controller page', (permission) => {
    const { ask } = setup();
    expect(ask(permission, { isMainFrame: true, requestingUrl: CONTROLLER })).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const { check } = setup();
    const origin = 'http://127.0.0.1:8787';
    expect(check({}, 'media', origin, { isMainFrame: true, securityOrigin: origin })).toBe(true);
    expect(check({}, 'media', 'http://evil.example', { isMainFrame: true })).toBe(false);
    expect(check({}, 'media', origin, { isMainFrame: false, embeddingOrigin: 'http://evil.example' })).toBe(false);
    for (const permission of ['geolocation', 'hid', 'serial', 'usb', 'notifications', 'clipboard-read']) {
      expect(check({}, permission, origin, { isMainFrame: true })).toBe(false);
    }
  });

  it('denies every permission check before the controller is known', () => {
    const { check } = setup(null);
    expect(check({}, 'media', 'http://127.0.0.1:8787', { isMainFrame: true })).toBe(false);
  });

  it('denies every HID, serial and USB device to the page', () => {
    const { device } = setup();
    expect(device({ deviceType: 'hid', origin: 'http://127.0.0.1:8787', device: {} })).toBe(false);
    expect(device({ deviceType: 'serial', origin: 'http://127.0.0.1:8787', device: {} })).toBe(false);
  });
});
