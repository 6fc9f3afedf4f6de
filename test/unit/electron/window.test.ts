/**
 * The kiosk window, judged by what it does rather than by restating its options: the page's
 * effective preferences (the window's options over Electron's own defaults) pass Electron's
 * security checklist, the preload can read what the window hands it, and the window keeps a
 * citizen on the controller's page at zoom 1.
 */
import { exposeBridge } from '../../../src/electron/bridge';
import { kioskWindowOptions, openKioskWindow } from '../../../src/electron/window';
import { createFakeElectron, fakeEvent } from './fakes';

const TOKEN = 'cd'.repeat(32);
const URL_ = 'http://127.0.0.1:8787/';

/**
 * Electron's defaults (docs: BrowserWindow webPreferences, Electron ≥ 20) for the preferences its
 * security checklist names; a preference the window does not set has this value in the page.
 */
const ELECTRON_DEFAULTS: Record<string, unknown> = {
  nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, contextIsolation: true, sandbox: true,
  webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false, devTools: true,
  navigateOnDragDrop: false, safeDialogs: false,
};

/** Electron's security checklist (docs/tutorial/security) plus what a public kiosk adds: each item, and whether a value is safe. */
const CHECKLIST: Record<string, (v: unknown) => boolean> = {
  nodeIntegration: (v) => v === false,
  nodeIntegrationInWorker: (v) => v === false,
  nodeIntegrationInSubFrames: (v) => v === false,
  contextIsolation: (v) => v === true,
  sandbox: (v) => v === true,
  webSecurity: (v) => v === true,
  allowRunningInsecureContent: (v) => v === false,
  experimentalFeatures: (v) => v === false,
  enableBlinkFeatures: (v) => v === undefined,
  webviewTag: (v) => v === false,
  // a citizen must not open devtools, drop a file to navigate away, or be trapped in dialog loops
  devTools: (v) => v === false,
  navigateOnDragDrop: (v) => v === false,
  safeDialogs: (v) => v === true,
};

describe('kiosk window', () => {
  const options = kioskWindowOptions({ preloadPath: '/app/dist/electron/preload.js', controllerUrl: URL_, token: TOKEN });

  it('gives the page preferences that pass every item of the security checklist', () => {
    const effective: Record<string, unknown> = { ...ELECTRON_DEFAULTS, ...options.webPreferences };
    const unsafe = Object.entries(CHECKLIST).filter(([key, safe]) => !safe(effective[key])).map(([key]) => `${key}=${String(effective[key])}`);
    expect(unsafe).toEqual([]);
  });

  it('covers the whole screen with no way out through a menu', () => {
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
  });

  it('hands the preload the controller address and token it can read back, and only to the controller page', () => {
    expect(options.webPreferences?.preload).toBe('/app/dist/electron/preload.js');
    const exposed: unknown[] = [];
    const bridge = { exposeInMainWorld: (_key: string, api: unknown) => void exposed.push(api) };
    const argv = ['electron', '--type=renderer', ...(options.webPreferences?.additionalArguments ?? [])];
    expect(exposeBridge(bridge, argv, 'https://example.com')).toBe(false);
    expect(exposeBridge(bridge, argv, 'http://127.0.0.1:8787')).toBe(true);
    expect(exposed).toEqual([expect.objectContaining({ controllerUrl: URL_, token: TOKEN })]);
  });

  it('before the controller address is known, hands over nothing the preload would expose', () => {
    const early = kioskWindowOptions({ preloadPath: '/p.js', controllerUrl: null, token: TOKEN });
    const exposed: unknown[] = [];
    expect(exposeBridge({ exposeInMainWorld: (_k, api) => void exposed.push(api) }, early.webPreferences?.additionalArguments ?? [], 'http://127.0.0.1:8787')).toBe(false);
    expect(exposed).toEqual([]);
    expect(early.webPreferences?.additionalArguments?.join(' ')).toContain(TOKEN);
  });

  it('opens one window that stays on the controller page, opens no other, and locks pinch-zoom', () => {
    const electron = createFakeElectron();
    const win = openKioskWindow(electron.api, { preloadPath: '/p.js', controllerUrl: URL_, token: TOKEN }, () => 'http://127.0.0.1:8787');
    expect(electron.windows).toEqual([win]);
    const fake = electron.windows[0]!;
    expect(fake.options).toEqual(kioskWindowOptions({ preloadPath: '/p.js', controllerUrl: URL_, token: TOKEN }));
    expect(fake.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    const away = fakeEvent({ url: 'https://example.com/' });
    fake.webContents.emit('will-navigate', away, away.url);
    expect(away.defaultPrevented()).toBe(true);
    const home = fakeEvent({ url: 'http://127.0.0.1:8787/ticket' });
    fake.webContents.emit('will-navigate', home, home.url);
    expect(home.defaultPrevented()).toBe(false);
    expect(fake.webContents.windowOpenHandler?.({ url: 'http://127.0.0.1:8787/' })).toEqual({ action: 'deny' });
  });
});
