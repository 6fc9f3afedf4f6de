/**
 * What the Electron preload hands to the touchscreen page as `window.lobbyRobot`.
 * Pure (no zod, no node:*): the sandboxed preload bundles this file alone.
 */
export const BRIDGE_PROTOCOL = 1;

/** Name of the frozen object the preload puts on `window`. */
export const BRIDGE_GLOBAL_NAME = 'lobbyRobot';

/** Command-line switches the shell passes through webPreferences.additionalArguments. */
export const BRIDGE_ARG_URL = '--lobby-robot-url=';
export const BRIDGE_ARG_TOKEN = '--lobby-robot-token=';

export interface LobbyRobotBridge {
  /** Base URL of the controller, e.g. "http://127.0.0.1:8787/". */
  readonly controllerUrl: string;
  /** Per-boot token the controller requires on its WebSocket and HTTP API. */
  readonly token: string;
  readonly protocol: number;
}

const CONTROLLER_URL = /^http:\/\/127\.0\.0\.1:([0-9]{1,5})\/$/;

/** The controller only ever listens on IPv4 loopback; anything else is not our controller. */
export function isControllerUrl(value: string): boolean {
  const port = CONTROLLER_URL.exec(value)?.[1];
  if (port === undefined) return false;
  const n = Number(port);
  return n >= 1 && n <= 65535;
}

/** The shell's token: 32 random bytes as lowercase hex. */
export function isBridgeToken(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
