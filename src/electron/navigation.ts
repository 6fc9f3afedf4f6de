import type { WebContents } from './electron-api';
import { isOnOrigin } from './origin';

const guarded = new WeakSet<WebContents>();

/**
 * The page may only ever navigate within the controller's origin; it can open no window and
 * attach no <webview>. The shell's own pages are loaded with loadURL, which these events skip.
 */
export function guardWebContents(contents: WebContents, controllerOrigin: () => string | null): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isOnOrigin(url, controllerOrigin())) event.preventDefault();
  };
  contents.on('will-navigate', (event) => blockForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => blockForeign(event, event.url));
  contents.on('will-redirect', (event) => blockForeign(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
