/**
 * Reads `lobby-robot center --config FILE` (schema and example in src/center/config/branches.ts)
 * into the center's options: each declared branch with its catalog and staff key read from the
 * files named, relative to the config file. An invalid file is a ConfigError naming the field.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BranchOptions } from '../center/branches/open-branches';
import { CenterConfigFile } from '../center/config/branches';
import type { BookingConfigInput } from '../center/config/booking';
import { Catalog } from '../contract/catalog';
import { DEMO_CATALOG } from '../controller/config/demo-catalog';
import { ConfigError, describeIssues } from '../controller/config/load';

export interface CenterFileOptions {
  database?: string;
  adminKey?: string;
  booking?: BookingConfigInput;
  branches?: BranchOptions[];
}

function readText(path: string, source: string, what: string, maxBytes: number): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(source, [`${what}: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`]);
  }
  if (text.length > maxBytes) throw new ConfigError(source, [`${what}: ${path} is larger than ${maxBytes} bytes`]);
  return text;
}

function readJson(path: string, source: string, what: string): unknown {
  try {
    return JSON.parse(readText(path, source, what, 5 * 1024 * 1024));
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(source, [`${what}: ${path} is not valid JSON: ${(e as Error).message}`]);
  }
}

/** A key file holds one secret on one line (as <data>/staff-key); at least 16 characters. */
function readKey(path: string, source: string, what: string): string {
  const key = readText(path, source, what, 4096).trim();
  if (key.length < 16 || /\s/.test(key)) throw new ConfigError(source, [`${what}: ${path} must hold one key of at least 16 characters`]);
  return key;
}

export function loadCenterConfig(file: string): CenterFileOptions {
  const parsed = CenterConfigFile.safeParse(readJson(file, file, '(file)'));
  if (!parsed.success) throw new ConfigError(file, describeIssues(parsed.error));
  const doc = parsed.data;
  const at = (p: string) => resolve(dirname(file), p);
  const branches = doc.branches?.map((b, i): BranchOptions => {
    let catalog = DEMO_CATALOG;
    if (b.catalogFile) {
      const c = Catalog.safeParse(readJson(at(b.catalogFile), file, `branches.${i}.catalogFile`));
      if (!c.success) throw new ConfigError(file, describeIssues(c.error).map((p) => `branches.${i}.catalogFile ${at(b.catalogFile!)}: ${p}`));
      catalog = c.data;
    }
    const staffKey = b.staffKeyFile ? readKey(at(b.staffKeyFile), file, `branches.${i}.staffKeyFile`) : undefined;
    return { id: b.id, name: b.name, catalog, staffKey, booking: b.booking };
  });
  return {
    database: doc.database,
    adminKey: doc.admin ? readKey(at(doc.admin.keyFile), file, 'admin.keyFile') : undefined,
    booking: doc.booking,
    branches,
  };
}
