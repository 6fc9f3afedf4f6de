/**
 * Issue 16 point 19: a production config names its procedure guide file; `lobby-robot start`
 * validates it and the controller serves it (not the demo guide); a bad file stops start-up with
 * exit 78 and a message naming the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, startRobot, tempDir, writeConfig } from '../../support/robot-process';
import { openApi, request } from '../../support/ws-client';

const shippedGuide = () => JSON.parse(readFileSync(join(ROOT, 'assets/catalog/procedures.json'), 'utf8')) as { compiledOn: string; procedures: Array<{ id: string }> };

describe('the procedure guide file named by the config', () => {
  it('is the guide the touchscreen gets', async () => {
    const dir = tempDir();
    const guide = { ...shippedGuide(), compiledOn: '2027-03-01' };
    const file = join(dir, 'procedures.json');
    writeFileSync(file, JSON.stringify(guide));
    const config = writeConfig(dir, { profile: 'simulator', robotId: 'robot-sim-1', proceduresFile: file, center: { mode: 'none' } });
    const robot = await startRobot(['--config', config]);
    try {
      const ws = (await openApi(robot.url, { token: robot.token })).ws!;
      const reply = await request(ws, { v: 1, id: 'p1', type: 'procedure.list', payload: {} }, 'p1');
      expect(reply).toMatchObject({ ok: true, result: { compiledOn: '2027-03-01' } });
      ws.close();
    } finally {
      await robot.stop();
    }
  });

  it.each([
    ['not JSON', '{ "compiledOn": '],
    ['not a guide', JSON.stringify({ compiledOn: 'yesterday', procedures: [] })],
    ['for services the catalog lacks', JSON.stringify({ ...shippedGuide(), procedures: shippedGuide().procedures.map((p) => ({ ...p, serviceId: 'no-such-service' })) })],
  ])('stops start-up with exit 78 naming the file when it is %s', async (_name, text) => {
    const dir = tempDir();
    const file = join(dir, 'my-guide.json');
    writeFileSync(file, text);
    const config = writeConfig(dir, { profile: 'production', robotId: 'robot-1', dataDir: join(dir, 'data'), proceduresFile: file, printer: { adapter: 'none' } });
    const result = await runCli(['start', '--no-window', '--port', '0', '--config', config]);
    expect(result.code).toBe(78);
    expect(result.stderr).toContain(file);
    expect((await runCli(['config', 'check', config])).code).toBe(78);
  });
});
