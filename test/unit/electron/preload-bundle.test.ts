import { join } from 'node:path';
import { build } from 'esbuild';

// A sandboxed preload can require nothing but 'electron' (and a few Node polyfills we do not use):
// bundle it the way scripts/build.mjs does and look at what is left to require.
describe('preload bundle', () => {
  it("requires only 'electron' and stays small", async () => {
    const result = await build({
      entryPoints: [join(__dirname, '../../../src/electron/preload.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld');
    expect(code.length).toBeLessThan(10_000);
  });
});
