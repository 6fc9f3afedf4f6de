import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileCredentialStore } from '../../../src/controller/sync/credentials';

describe('device credentials file', () => {
  const creds = { centerUrl: 'http://c', robotId: 'robot-a', robotSlot: 2, token: 't'.repeat(43), expiresAt: 2, refreshAfter: 1 };

  it('round-trips, is private to the user, and reads a damaged file as "not enrolled"', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'creds-')), 'center-credentials.json');
    const store = fileCredentialStore(file, { warn: () => undefined });
    expect(store.load()).toBeNull();
    store.save(creds);
    expect(store.load()).toEqual(creds);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).token).toBe(creds.token);
    writeFileSync(file, '{"token": 5');
    expect(store.load()).toBeNull();
    store.clear();
    expect(store.load()).toBeNull();
  });
});
