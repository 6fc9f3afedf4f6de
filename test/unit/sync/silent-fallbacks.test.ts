/**
 * The robot's enrolment file and the center's saved catalog fall back when damaged (not enrolled;
 * the installed catalog), but never silently: each says so with its own code and the file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { centerCatalogFile, loadCenterCatalog, saveCenterCatalog } from '../../../src/controller/sync/center-catalog';
import { fileCredentialStore } from '../../../src/controller/sync/credentials';

function recorder() {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: { warn: (obj: object) => void lines.push(obj as Record<string, unknown>) } };
}

describe('damaged sync files are reported', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'sync-files-'));

  it.each([
    ['truncated JSON', '{"token": 5'],
    ['the wrong shape', '{"token": "secret-token-value-0123456789-abcdefghij"}'],
  ])('credentials with %s: "not enrolled", with SYNC_CREDENTIALS_UNREADABLE and the file in the log', (_what, text) => {
    const file = join(dir(), 'center-credentials.json');
    const { lines, log } = recorder();
    const store = fileCredentialStore(file, log);
    expect(store.load()).toBeNull();
    expect(lines).toEqual([]); // no file is a robot not yet enrolled: nothing to report
    writeFileSync(file, text);
    expect(store.load()).toBeNull();
    expect(lines).toEqual([expect.objectContaining({ code: 'SYNC_CREDENTIALS_UNREADABLE', file })]);
    expect(JSON.stringify(lines)).not.toContain('secret-token-value');
  });

  it('a damaged center catalog: the installed one is used, with SYNC_CENTER_CATALOG_UNREADABLE in the log', () => {
    const data = dir();
    const { lines, log } = recorder();
    expect(loadCenterCatalog(data, log)).toBeNull();
    saveCenterCatalog(data, DEMO_CATALOG);
    expect(loadCenterCatalog(data, log)).toEqual(DEMO_CATALOG);
    expect(lines).toEqual([]);
    writeFileSync(centerCatalogFile(data), '{"services": [');
    expect(loadCenterCatalog(data, log)).toBeNull();
    writeFileSync(centerCatalogFile(data), '{"services": 3}');
    expect(loadCenterCatalog(data, log)).toBeNull();
    expect(lines).toEqual([
      expect.objectContaining({ code: 'SYNC_CENTER_CATALOG_UNREADABLE', file: centerCatalogFile(data) }),
      expect.objectContaining({ code: 'SYNC_CENTER_CATALOG_UNREADABLE', file: centerCatalogFile(data) }),
    ]);
  });
});
