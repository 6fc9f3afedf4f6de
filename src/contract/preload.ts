/** What the Electron preload exposes to the page as `window.lobbyRobot`: one frozen object. */
export interface LobbyRobotBridge {
  readonly controllerUrl: string;
  readonly token: string;
  readonly protocol: number;
}
