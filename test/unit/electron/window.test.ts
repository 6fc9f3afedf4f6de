import { kioskWindowOptions, openKioskWindow } from '../../../src/electron/window';
import { createFakeElectron, fakeEvent } from './fakes';

const TOKEN = 'cd'.repeat(32);

describe('kiosk window', () => {
  const options = kioskWindowOptions({
    preloadPath: '/app/dist/electron/preload.js',
    controllerUrl: 'http://127.0.0.1:8787/',
    token: TOKEN,
  });

  it('is a full-screen kiosk without a menu bar', () => {
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
  });

  it('locks the page down: isolated, sandboxed, no Node, web security on, no webview, no devtools', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
    // nothing that weakens the page is set at all
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('disableBlinkFeatures');
  });

  it('loads the built preload and hands it the controller URL and token as switches', () => {
    expect(options.webPreferences?.preload).toBe('/app/dist/electron/preload.js');
    expect(options.webPreferences?.additionalArguments).toEqual([
      '--lobby-robot-url=http://127.0.0.1:8787/',
      `--lobby-robot-token=${TOKEN}`,
    ]);
  });

  it('passes only the token before the controller address is known', () => {
    const early = kioskWindowOptions({ preloadPath: '/p.js', controllerUrl: null, token: TOKEN });
    expect(early.webPreferences?.additionalArguments).toEqual([`--lobby-robot-token=${TOKEN}`]);
  });

  it('opens one BrowserWindow with those options, guarded and with pinch-zoom locked', () => {
    const electron = createFakeElectron();
    const win = openKioskWindow(
      electron.api,
      { preloadPath: '/p.js', controllerUrl: 'http://127.0.0.1:8787/', token: TOKEN },
      () => 'http://127.0.0.1:8787',
    );
    expect(electron.windows).toHaveLength(1);
    const fake = electron.windows[0];
    expect(win).toBe(fake);
    expect(fake?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(fake?.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    const event = fakeEvent({ url: 'https://example.com/' });
    fake?.webContents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented()).toBe(true);
    expect(fake?.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});
