import { CONFIG_MIGRATIONS, CONFIG_VERSION, ConfigMigrationError, migrateConfig, type ConfigMigration } from '../../../src/controller/config/migrate';
import { ConfigError, loadConfig } from '../../../src/controller/config/load';
import { RobotConfig } from '../../../src/controller/config/schema';
import { tempDir, writeConfig } from '../../support/robot-process';

/** A production file as robots had it before config versions (the README's example). */
const UNVERSIONED = {
  profile: 'production',
  robotId: 'robot-1',
  dataDir: '/var/lib/lobby-robot',
  controller: { port: 8787 },
  defaultLanguage: 'vi',
  printer: { adapter: 'tcp', host: '192.168.1.50', port: 9100, timeoutMs: 5000 },
  catalogFile: '/etc/lobby-robot/catalog.json',
};

/** A made-up history, v1 → v2 → v3, to test chaining without waiting for real schema changes. */
const HISTORY: ConfigMigration[] = [
  { from: 0, describe: 'stamp version', up: (d) => d },
  {
    from: 1,
    describe: 'printer.timeoutMs → printer.timeout (seconds)',
    up: (d) => {
      const printer = d.printer as Record<string, unknown>;
      if (typeof printer.timeoutMs === 'number') printer.timeout = printer.timeoutMs / 1000;
      delete printer.timeoutMs;
      return d;
    },
  },
  { from: 2, describe: 'robotId → robot.id', up: ({ robotId, ...rest }) => ({ ...rest, robot: { id: robotId } }) },
];

describe('config migration', () => {
  it('an unversioned file is version 0 and becomes the current version, valid for the schema', () => {
    const result = migrateConfig(UNVERSIONED);
    expect(result).toMatchObject({ fromVersion: 0, toVersion: CONFIG_VERSION, applied: [CONFIG_MIGRATIONS[0]!.describe] });
    expect(result.document.version).toBe(CONFIG_VERSION);
    const parsed = RobotConfig.safeParse(result.document);
    expect(parsed.success).toBe(true);
  });

  it('a current file passes unchanged, with nothing applied', () => {
    const current = { ...UNVERSIONED, version: CONFIG_VERSION };
    expect(migrateConfig(current)).toEqual({ document: current, fromVersion: CONFIG_VERSION, toVersion: CONFIG_VERSION, applied: [] });
  });

  it('every version below the current one has exactly one migration step', () => {
    for (let v = 0; v < CONFIG_VERSION; v++) expect(CONFIG_MIGRATIONS.filter((m) => m.from === v)).toHaveLength(1);
    expect(CONFIG_MIGRATIONS.every((m) => m.from < CONFIG_VERSION)).toBe(true);
  });

  it('chains steps in order from the file’s version to the target, stamping each version', () => {
    const seen: unknown[] = [];
    const spying = HISTORY.map((m) => ({ ...m, up: (d: Record<string, unknown>) => (seen.push(d.version), m.up(d)) }));
    const result = migrateConfig(UNVERSIONED, spying, 3);
    expect(seen).toEqual([undefined, 1, 2]);
    expect(result.applied).toEqual(['stamp version', 'printer.timeoutMs → printer.timeout (seconds)', 'robotId → robot.id']);
    expect(result.document).toMatchObject({ version: 3, robot: { id: 'robot-1' }, printer: { adapter: 'tcp', timeout: 5 } });
    expect(result.document).not.toHaveProperty('robotId');
  });

  it('starts from the version the file says', () => {
    const result = migrateConfig({ ...UNVERSIONED, version: 2 }, HISTORY, 3);
    expect(result).toMatchObject({ fromVersion: 2, applied: ['robotId → robot.id'] });
    expect((result.document.printer as Record<string, unknown>).timeoutMs).toBe(5000); // step 1→2 not run
  });

  it('never changes the document it was given', () => {
    const input = structuredClone(UNVERSIONED);
    migrateConfig(input, HISTORY, 3);
    expect(input).toEqual(UNVERSIONED);
  });

  it('refuses a file written by a newer lobby-robot, naming the field and what to do', () => {
    expect(() => migrateConfig({ ...UNVERSIONED, version: CONFIG_VERSION + 1 })).toThrow(ConfigMigrationError);
    try {
      migrateConfig({ ...UNVERSIONED, version: CONFIG_VERSION + 1 });
    } catch (e) {
      expect((e as ConfigMigrationError).problems).toEqual([expect.stringMatching(/^version: \d+ is newer than this lobby-robot understands/)]);
    }
  });

  it.each([
    ['a string version', { ...UNVERSIONED, version: '1' }, /^version: expected a whole number/],
    ['a negative version', { ...UNVERSIONED, version: -1 }, /^version: expected a whole number/],
    ['a fractional version', { ...UNVERSIONED, version: 1.5 }, /^version: expected a whole number/],
    ['an array', [UNVERSIONED], /^\(document\): expected a JSON object/],
    ['null', null, /^\(document\): expected a JSON object/],
  ])('refuses %s', (_what, input, message) => {
    expect(() => migrateConfig(input)).toThrow(message);
  });

  it('refuses to skip a version that has no migration', () => {
    expect(() => migrateConfig(UNVERSIONED, [HISTORY[0]!, HISTORY[2]!], 3)).toThrow(/no migration from 1 to 2/);
  });

  it('the schema refuses a version it does not know, so an unmigrated future file never half-loads', () => {
    expect(RobotConfig.safeParse({ ...UNVERSIONED, version: CONFIG_VERSION + 1 }).success).toBe(false);
  });
});

describe('loadConfig migrates before it validates', () => {
  const file = (document: unknown) => writeConfig(tempDir(), document);
  const unversioned = { profile: 'production', robotId: 'robot-1', printer: { adapter: 'none' } };

  it('an unversioned file loads at the current version and says which steps ran', () => {
    const loaded = loadConfig({ env: {}, file: file(unversioned) });
    expect(loaded.config.version).toBe(CONFIG_VERSION);
    expect(loaded.migration).toEqual({ fromVersion: 0, toVersion: CONFIG_VERSION, applied: [CONFIG_MIGRATIONS[0]!.describe] });
  });

  it('a current file loads with nothing applied', () => {
    const loaded = loadConfig({ env: {}, file: file({ ...unversioned, version: CONFIG_VERSION }) });
    expect(loaded.migration.applied).toEqual([]);
  });

  it('the built-in simulator profile goes through the same path', () => {
    expect(loadConfig({ env: {}, cwd: '/srv' }).config.version).toBe(CONFIG_VERSION);
  });

  it('a file from a newer lobby-robot stops start-up with a ConfigError that names the version field', () => {
    const newer = file({ ...unversioned, version: CONFIG_VERSION + 1 });
    expect(() => loadConfig({ env: {}, file: newer })).toThrow(ConfigError);
    expect(() => loadConfig({ env: {}, file: newer })).toThrow(/version: \d+ is newer than this lobby-robot understands/);
  });
});
