/**
 * The kiosk window and what it shows: the shell's own page (starting, restarting, fallback) or the
 * controller's page. A window that closes is reopened; a page that fails to load or a renderer that
 * crashes is retried later, so the kiosk never stays blank.
 */
import { join } from 'node:path';
import type { Clock } from './clock';
import type { RendererCrashPolicy } from './crash-policy';
import type { BrowserWindow, ElectronApi } from './electron-api';
import type { ShellLog } from './log';
import { originOf } from './origin';
import { type ShellPage, shellPageUrl } from './pages';
import { watchRenderer } from './renderer-watch';
import { openKioskWindow } from './window';

/** What the window should show: the controller's page, or one of the shell's own pages. */
type Target = { url: string } | { page: ShellPage };

export interface KioskScreenOptions {
  appRoot: string;
  token: string;
  clock: Clock;
  log: ShellLog;
  crashPolicy: RendererCrashPolicy;
  fallbackRetryMs: number;
  loadRetryMs: number;
  hangGraceMs: number;
}

export class KioskScreen {
  /** Set when the app quits: nothing is reopened or reloaded from then on. */
  quitting = false;
  private win: BrowserWindow | null = null;
  private windowControllerUrl: string | null = null; // what the current window's preload was told
  private controllerUrl: string | null = null;
  private target: Target = { page: 'starting' };
  private retryTimer: unknown = null;
  private loadGeneration = 0;

  constructor(
    private readonly electron: ElectronApi,
    private readonly options: KioskScreenOptions,
  ) {}

  /** The controller's origin, once it said where it listens: the only origin the window may reach. */
  readonly controllerOrigin = (): string | null => originOf(this.controllerUrl ?? undefined);

  /** The controller listens at `url`: show its page (in a new window when the address changed). */
  controllerReady(url: string): void {
    this.controllerUrl = url;
    if (this.win === null || this.quitting) return;
    // additionalArguments are fixed when a window is made: a new address needs a new window
    if (this.windowControllerUrl !== url) this.open();
    this.show({ url });
  }

  controllerDown(): void {
    if (!this.quitting) this.show({ page: 'restarting' });
  }

  /** A second start of the app brings the window to the front instead. */
  bringToFront(): void {
    const win = this.win;
    if (win === null) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  clearRetry(): void {
    if (this.retryTimer !== null) this.options.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  show(next: Target): void {
    this.target = next;
    this.clearRetry();
    if ('page' in next) return this.load(shellPageUrl(next.page));
    this.load(next.url, () => {
      this.load(shellPageUrl('restarting'));
      this.retryLater(this.options.loadRetryMs);
    });
  }

  open(): void {
    const { appRoot, token, clock, log, hangGraceMs } = this.options;
    const previous = this.win;
    const next = openKioskWindow(
      this.electron,
      { preloadPath: join(appRoot, 'dist/electron/preload.js'), controllerUrl: this.controllerUrl, token },
      this.controllerOrigin,
    );
    this.win = next;
    this.windowControllerUrl = this.controllerUrl;
    watchRenderer(next.webContents, { clock, log, hangGraceMs, onGone: () => this.onRendererGone() });
    next.on('closed', () => {
      if (this.win !== next) return; // replaced on purpose
      this.win = null;
      if (this.quitting) return;
      log.warn({}, 'kiosk window closed; reopening');
      this.open();
      this.show(this.target);
    });
    previous?.destroy();
  }

  private retryLater(ms: number): void {
    this.clearRetry();
    this.retryTimer = this.options.clock.setTimeout(() => {
      this.retryTimer = null;
      this.show(this.target);
    }, ms);
  }

  private load(url: string, onFailure?: () => void): void {
    if (this.win === null) return;
    const generation = ++this.loadGeneration;
    this.win.loadURL(url).catch((err: unknown) => {
      if (generation !== this.loadGeneration) return; // superseded by a newer load: nothing failed
      this.options.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'page failed to load');
      onFailure?.();
    });
  }

  private onRendererGone(): void {
    if (this.quitting) return;
    if (this.options.crashPolicy.onCrash(this.options.clock.now()) === 'reload') return this.show(this.target);
    this.load(shellPageUrl('fallback'));
    this.retryLater(this.options.fallbackRetryMs);
  }
}
