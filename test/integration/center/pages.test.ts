/**
 * How the center serves its pages: each path gets the small HTML shell of its own bundle under a
 * CSP that allows no inline script or style; the bundles and the stylesheet are the built files;
 * nothing else under /assets is reachable. What the pages do is tested in Chromium (e2e).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestCenter, type TestCenter } from './harness';

const DIST = join(__dirname, '..', '..', '..', 'dist', 'center');

describe('center page serving', () => {
  let c: TestCenter | undefined;
  afterEach(async () => c?.close());

  it.each([
    ['/', 'index'], ['/counter', 'counter'], ['/display', 'display'], ['/fleet', 'fleet'], ['/t/0d6f6c1e-8a3b-4c55-9d3e-2b1f7a9c4e11', 'ticket'],
  ])('%s is the shell of %s.js under a strict CSP, and the bundle is the built one', async (path, name) => {
    c = await startTestCenter();
    const res = await fetch(c.center.url + path);
    const html = await res.text();
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script src="/assets/${name}.js"></script>`);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    const js = await fetch(`${c.center.url}/assets/${name}.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(Buffer.from(await js.arrayBuffer()).equals(readFileSync(join(DIST, `${name}.js`)))).toBe(true);
  });

  it('serves the stylesheet, and nothing else of the disk', async () => {
    c = await startTestCenter();
    const css = await fetch(`${c.center.url}/assets/styles.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    for (const name of ['counter.js.map', '..%2F..%2Fpackage.json', 'nope.js', '%2e%2e%2fcli.js']) {
      const r = await c.call('GET', `/assets/${name}`);
      expect({ name, refused: r.status === 400 || r.status === 404 }).toEqual({ name, refused: true });
    }
  });
});
