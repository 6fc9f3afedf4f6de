/**
 * The catalog the center published last, kept beside the store: with a center, its catalog is the
 * authority (services, hours, counters change there), and a robot that restarts offline must
 * still use it rather than the file it was installed with. Written atomically; an unreadable or
 * invalid copy is not used (the installed catalog is, and the next sync brings a fresh one), and
 * the log says so with SYNC_CENTER_CATALOG_UNREADABLE.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../../contract/catalog';
import type { FileProblemLog } from './credentials';

export function centerCatalogFile(dataDir: string): string {
  return join(dataDir, 'center-catalog.json');
}

export function loadCenterCatalog(dataDir: string, log: FileProblemLog): Catalog | null {
  const file = centerCatalogFile(dataDir);
  if (!existsSync(file)) return null;
  const unusable = (reason: string) => {
    log.warn({ code: 'SYNC_CENTER_CATALOG_UNREADABLE', file, reason }, "the center's saved catalog is damaged; the installed catalog is used until the next sync");
    return null;
  };
  try {
    const parsed = Catalog.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : unusable(`invalid: ${parsed.error.issues.length} issue(s)`);
  } catch (e) {
    return unusable(e instanceof Error ? e.name : 'unreadable');
  }
}

export function saveCenterCatalog(dataDir: string, catalog: Catalog): void {
  const file = centerCatalogFile(dataDir);
  writeFileSync(`${file}.tmp`, JSON.stringify(catalog));
  renameSync(`${file}.tmp`, file);
}
