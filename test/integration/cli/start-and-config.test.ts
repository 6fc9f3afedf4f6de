import { runCli, startRobot, tempDir, writeConfig } from '../../support/robot-process';

describe('lobby-robot start', () => {
  it('comes up on the simulator profile, answers /healthz, and exits 0 promptly on SIGTERM', async () => {
    const robot = await startRobot([]);
    const health = await (await fetch(new URL('healthz', robot.url))).json();
    expect(health).toMatchObject({ profile: 'simulator', store: { state: 'ok' }, devices: { printer: { adapter: expect.stringMatching(/^tcp 127\.0\.0\.1:\d+$/) } } });
    const t0 = Date.now();
    expect(await robot.stop('SIGTERM')).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(robot.output()).toContain('controller stopped');
  });

  it('exits 78 on an invalid config file and names the field and what was expected', async () => {
    const dir = tempDir();
    const file = writeConfig(dir, { profile: 'production', robotId: 'robot-1', printer: { adapter: 'tcp', host: '10.0.0.5', port: 'ninety-one' } });
    const result = await runCli(['start', '--no-window', '--config', file]);
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/printer\.port: .*expected number/i);
  });

  it('exits 78 when the API would listen beyond loopback, naming controller.host', async () => {
    const file = writeConfig(tempDir(), { profile: 'production', robotId: 'robot-1', controller: { host: '0.0.0.0' } });
    const result = await runCli(['start', '--no-window', '--config', file]);
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/controller\.host/);
  });

  it('exits 78 naming the variable when LOBBY_ROBOT_PORT is not a port', async () => {
    const result = await runCli(['start', '--no-window'], { LOBBY_ROBOT_PORT: 'eighty' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('LOBBY_ROBOT_PORT');
  });
});

describe('lobby-robot config check, doctor, --help', () => {
  it('config check accepts a valid file and refuses a broken one', async () => {
    const dir = tempDir();
    const good = writeConfig(dir, { profile: 'production', robotId: 'robot-2', printer: { adapter: 'tcp', host: '192.0.2.10' } });
    const ok = await runCli(['config', 'check', good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('robot robot-2');
    const bad = writeConfig(tempDir(), { profile: 'staging', robotId: 'Robot 2' });
    const refused = await runCli(['config', 'check', bad]);
    expect(refused.code).toBe(78);
    expect(refused.stderr).toMatch(/profile: /);
    expect(refused.stderr).toMatch(/robotId: /);
  });

  it('doctor prints a table and exits 1 when the configured printer does not answer', async () => {
    // port 9 on loopback: nothing listens, the connection is refused at once
    const file = writeConfig(tempDir(), { profile: 'production', robotId: 'robot-3', dataDir: tempDir(), printer: { adapter: 'tcp', host: '127.0.0.1', port: 9 } });
    const result = await runCli(['doctor', '--config', file], { LOBBY_ROBOT_PORT: '1' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^printer\s+tcp 127\.0\.0\.1:9\s+FAULT/m);
    expect(result.stdout).toMatch(/^store\s+.*OK\s+integrity_check ok/m);
  });

  it('doctor exits 0 on the simulator profile', async () => {
    const result = await runCli(['doctor'], { LOBBY_ROBOT_DATA: tempDir(), LOBBY_ROBOT_PORT: '1' });
    expect(result.stdout).toMatch(/^config\s+simulator profile/m);
    expect(result.code).toBe(0);
  });

  it('--help lists every subcommand; an unknown command exits 64', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['start', 'config check', 'doctor']) expect(help.stdout).toContain(c);
    expect((await runCli(['fly'])).code).toBe(64);
  });
});
