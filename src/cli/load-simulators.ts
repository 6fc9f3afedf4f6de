/**
 * Loads the simulators bundle on demand. The path is computed, so the bundler leaves it out of
 * dist/cli.js: built, it is dist/simulators.js beside cli.js; run from sources (tests), the .ts
 * file beside this one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type Simulators = typeof import('./simulators');

export function loadSimulators(): Simulators {
  const built = join(__dirname, 'simulators.js');
  const file = existsSync(built) ? built : join(__dirname, 'simulators.ts');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a computed require keeps the simulators out of dist/cli.js
  return require(file) as Simulators;
}
