import { writeFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../../../src/controller/config/load';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { tempDir, writeConfig } from '../../support/robot-process';

describe('config loading', () => {
  it('defaults to the simulator profile with the demo catalog and loopback port 8787', () => {
    const { config, catalog } = loadConfig({ env: {}, cwd: '/srv' });
    expect(config).toMatchObject({ profile: 'simulator', controller: { host: '127.0.0.1', port: 8787 }, printer: { adapter: 'simulator' }, dataDir: '/srv/.data/simulator' });
    expect(catalog).toBe(DEMO_CATALOG);
  });

  it('reads LOBBY_ROBOT_CONFIG, LOBBY_ROBOT_PORT and LOBBY_ROBOT_DATA; options win over the environment', () => {
    const file = writeConfig(tempDir(), { profile: 'production', robotId: 'robot-7', printer: { adapter: 'none' } });
    const fromEnv = loadConfig({ env: { LOBBY_ROBOT_CONFIG: file, LOBBY_ROBOT_PORT: '9001', LOBBY_ROBOT_DATA: '/var/lib/lr' } });
    expect(fromEnv.config).toMatchObject({ profile: 'production', robotId: 'robot-7', dataDir: '/var/lib/lr', controller: { port: 9001 } });
    const overridden = loadConfig({ env: { LOBBY_ROBOT_CONFIG: file, LOBBY_ROBOT_PORT: '9001' }, overrides: { port: 9002 } });
    expect(overridden.config.controller.port).toBe(9002);
  });

  it('names every bad field, including inside the catalog', () => {
    const catalog = { ...DEMO_CATALOG, services: [{ ...DEMO_CATALOG.services[0], fieldId: 'nowhere', prefix: 'a1' }] };
    const file = writeConfig(tempDir(), { profile: 'production', robotId: 'r', screen: { dpi: 9 }, catalog });
    try {
      loadConfig({ env: {}, file });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^screen.dpi: /m);
      expect(problems).toMatch(/^catalog\.services\.0\.prefix: /m);
      expect(problems).toMatch(/^catalog\.services\.0\.fieldId: no field "nowhere"/m);
    }
  });

  it('refuses unreadable or non-JSON files and unknown keys', () => {
    expect(() => loadConfig({ env: {}, file: '/no/such/file.json' })).toThrow(/cannot read/);
    const dir = tempDir();
    const junk = writeConfig(dir, 'x');
    writeFileSync(junk, '{ not json');
    expect(() => loadConfig({ env: {}, file: junk })).toThrow(/not valid JSON/);
    const extra = writeConfig(tempDir(), { profile: 'production', robotId: 'r', colour: 'blue' });
    expect(() => loadConfig({ env: {}, file: extra })).toThrow(/colour/);
  });
});
