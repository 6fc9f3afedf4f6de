/**
 * The one finder of the project's files beside the code: locales/, assets/, hardware/printer/.
 * The controller reads them at run time (it may not import them), from the sources or from the
 * bundle in dist/: the nearest folder above this file that holds them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'locales', 'vi')) && existsSync(join(dir, 'hardware', 'printer'))) return (root = dir);
    dir = dirname(dir);
  }
  throw new Error(`project files (locales/, hardware/printer/) not found above ${__dirname}`);
}

export function readProjectJson(...path: string[]): unknown {
  return JSON.parse(readFileSync(join(projectRoot(), ...path), 'utf8'));
}
