/** `lobby-robot center --config FILE`: a city declares its branches (issue 19). Runs the built program. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { tempDataDir } from './harness';
import { runCli } from './run-cli';

const run = runCli;

describe('lobby-robot center --config (branches)', () => {
  it('serves each declared branch under /b/<id>/ with its catalog and staff key, and the city views for the admin key', async () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, 'ben-thanh.catalog.json'), JSON.stringify({ ...DEMO_CATALOG, centerName: { ...DEMO_CATALOG.centerName, vi: 'Phường Bến Thành' } }));
    writeFileSync(join(dir, 'ben-thanh.staff-key'), 'ben-thanh-staff-key-0001\n');
    writeFileSync(join(dir, 'admin-key'), 'city-admin-key-000000001\n');
    writeFileSync(join(dir, 'center.json'), JSON.stringify({
      admin: { keyFile: 'admin-key' },
      branches: [{ id: 'p-ben-nghe' }, { id: 'p-ben-thanh', name: 'Bến Thành', catalogFile: 'ben-thanh.catalog.json', staffKeyFile: 'ben-thanh.staff-key' }],
    }));
    const seen: Record<string, unknown> = {};
    const r = await run(['center', '--host', '127.0.0.1', '--port', '0', '--data', join(dir, 'data'), '--config', join(dir, 'center.json')], (out, kill) => {
      const m = /center listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!m || seen.url) return;
      seen.url = m[1];
      void (async () => {
        seen.lines = out.includes(`${m[1]}/b/p-ben-thanh/`);
        seen.fleet = (await fetch(`${m[1]}/b/p-ben-thanh/v1/fleet`, { headers: { authorization: 'Staff ben-thanh-staff-key-0001' } })).status;
        seen.wrongBranch = (await fetch(`${m[1]}/b/p-ben-nghe/v1/fleet`, { headers: { authorization: 'Staff ben-thanh-staff-key-0001' } })).status;
        const city = await fetch(`${m[1]}/v1/city/branches`, { headers: { authorization: 'Admin city-admin-key-000000001' } });
        seen.branches = ((await city.json()) as { branches: { branchId: string; name: string }[] }).branches;
      })().finally(kill);
    });
    expect(r.code).toBe(0);
    expect(seen).toMatchObject({ lines: true, fleet: 200, wrongBranch: 401, branches: [{ branchId: 'p-ben-nghe', name: DEMO_CATALOG.centerName.vi }, { branchId: 'p-ben-thanh', name: 'Bến Thành' }] });
  });

  it('refuses an invalid config with exit 78 naming the field', async () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, 'center.json'), JSON.stringify({ branches: [{ id: 'P_Ben Nghe' }] }));
    const r = await run(['center', '--port', '0', '--data', join(dir, 'data'), '--config', join(dir, 'center.json')]);
    expect(r.code).toBe(78);
    expect(r.out).toContain('branches.0.id');
  });
});
