/**
 * The center's secrets beside its data (staff key, appointment signing key), created on first
 * start. Several instances may share one data folder and start at the same moment: the file is
 * written under a private name and linked into place, which fails when it exists, so every
 * instance ends up with the one key that won, complete, and never overwrites another's.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The file's text; when it does not exist yet, `make()`'s text is written (mode 0600) unless another process was first. */
export function readOrCreateOnce(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, make(), { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
  return readFileSync(file, 'utf8');
}
