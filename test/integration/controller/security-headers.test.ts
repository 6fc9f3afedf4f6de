/**
 * The controller sends the kiosk page's Content-Security-Policy and the other security headers
 * on every answer (page, static file, /healthz, 404, 405): the renderer's lock-down does not
 * depend on the page declaring it. Directive by directive, so a loosened one fails here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { tempDir } from '../../support/robot-process';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe('security headers sent by the controller', () => {
  let controller: Controller;
  beforeAll(async () => {
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: tempDir() } });
    const uiDir = join(tempDir(), 'ui');
    mkdirSync(uiDir);
    writeFileSync(join(uiDir, 'index.html'), '<p>kiosk</p>');
    controller = await startController({
      config: { ...loaded.config, motion: { adapter: 'none' }, printer: { adapter: 'none' } },
      catalog: loaded.catalog, log: createLogger('silent'), uiDir, watchdog: { env: {} },
    });
  });
  afterAll(() => controller.close());

  it.each([
    ['GET', '/'],
    ['GET', '/healthz'],
    ['GET', '/no-such-file.js'],
    ['POST', '/'],
  ])('%s %s carries the CSP and the hardening headers', async (method, path) => {
    const res = await fetch(new URL(path, controller.url), { method });
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    // only the page's own scripts; no eval, no inline script, no plugins
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    // talks only to the controller on loopback
    expect(csp.get('connect-src')?.every((s) => s === "'self'" || /^ws:\/\/(127\.0\.0\.1|localhost):\*$/.test(s))).toBe(true);
    // never framed, no <base> hijack, no form posts elsewhere
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    for (const values of csp.values()) expect(values).not.toContain("'unsafe-eval'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
  });
});
