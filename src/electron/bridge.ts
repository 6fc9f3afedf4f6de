import {
  BRIDGE_ARG_TOKEN,
  BRIDGE_ARG_URL,
  BRIDGE_GLOBAL_NAME,
  BRIDGE_PROTOCOL,
  isBridgeToken,
  isControllerUrl,
  type LobbyRobotBridge,
} from '../contract/preload';

/** The switches the shell adds to webPreferences.additionalArguments for the preload. */
export function bridgeArguments(controllerUrl: string | null, token: string): string[] {
  const args = [`${BRIDGE_ARG_TOKEN}${token}`];
  if (controllerUrl !== null) args.unshift(`${BRIDGE_ARG_URL}${controllerUrl}`);
  return args;
}

const argValue = (argv: readonly string[], prefix: string): string | undefined => {
  const found = argv.filter((a) => a.startsWith(prefix));
  // a repeated switch is not something the shell produces: refuse rather than guess which one
  return found.length === 1 ? found[0]?.slice(prefix.length) : undefined;
};

/** Parses and validates the preload's switches; null when anything is missing or malformed. */
export function parseBridgeArguments(argv: readonly string[]): LobbyRobotBridge | null {
  const controllerUrl = argValue(argv, BRIDGE_ARG_URL);
  const token = argValue(argv, BRIDGE_ARG_TOKEN);
  if (controllerUrl === undefined || !isControllerUrl(controllerUrl)) return null;
  if (token === undefined || !isBridgeToken(token)) return null;
  return Object.freeze({ controllerUrl, token, protocol: BRIDGE_PROTOCOL });
}

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

/**
 * Exposes the one frozen bridge object, and only to a page of the controller's origin: the
 * shell's own data: pages and anything that slipped past navigation blocking get nothing.
 */
export function exposeBridge(contextBridge: ContextBridgeLike, argv: readonly string[], pageOrigin: string): boolean {
  const bridge = parseBridgeArguments(argv);
  if (bridge === null || new URL(bridge.controllerUrl).origin !== pageOrigin) return false;
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, bridge);
  return true;
}
