/**
 * Production `lobby-robot start` must not carry the simulators (issue 21 point 6): the virtual
 * printer and the simulated board live in dist/simulators.js, loaded only for the simulator
 * profile. esbuild marks each bundled source with a `// path` comment, which is what is read here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..', '..', 'dist');
const bundledSources = (file: string): string[] => [...readFileSync(join(DIST, file), 'utf8').matchAll(/^\/\/ (\S+\.tsx?)$/gm)].map((m) => m[1]!);

describe('the simulators bundle', () => {
  it('holds the virtual printer and the simulated board', () => {
    const sources = bundledSources('simulators.js');
    expect(sources).toEqual(expect.arrayContaining(['hardware/sim/virtual-printer/server.ts', 'hardware/sim/board/index.ts']));
  });

  it('is not part of the command line the robot runs in production', () => {
    const sources = bundledSources('cli.js');
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.filter((s) => s.startsWith('hardware/'))).toEqual([]);
  });
});
