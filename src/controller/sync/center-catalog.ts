/**
 * The catalog the center published last, kept beside the store: with a center, its catalog is the
 * authority (services, hours, counters change there), and a robot that restarts offline must
 * still use it rather than the file it was installed with. Written atomically; an unreadable or
 * invalid copy is ignored (the installed catalog is used and the next sync brings a fresh one).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../../contract/catalog';

export function centerCatalogFile(dataDir: string): string {
  return join(dataDir, 'center-catalog.json');
}

export function loadCenterCatalog(dataDir: string): Catalog | null {
  const file = centerCatalogFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const parsed = Catalog.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveCenterCatalog(dataDir: string, catalog: Catalog): void {
  const file = centerCatalogFile(dataDir);
  writeFileSync(`${file}.tmp`, JSON.stringify(catalog));
  renameSync(`${file}.tmp`, file);
}
