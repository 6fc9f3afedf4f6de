import type { LobbyRobotBridge } from '../contract/preload';

/**
 * Where the controller is and the per-boot token. In Electron the preload exposes them; in
 * Chromium kiosk mode they arrive in the URL fragment (never sent to a server), which is then
 * removed from the address so it is not kept in history.
 */
export function readBridge(win: Window & { lobbyRobot?: LobbyRobotBridge }): { wsUrl: string; token: string } {
  if (win.lobbyRobot) {
    const base = new URL(win.lobbyRobot.controllerUrl);
    return { wsUrl: `ws://${base.host}/api`, token: win.lobbyRobot.token };
  }
  const token = new URLSearchParams(win.location.hash.slice(1)).get('token') ?? '';
  if (token) win.history.replaceState(null, '', win.location.pathname);
  return { wsUrl: `ws://${win.location.host}/api`, token };
}
