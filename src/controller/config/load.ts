import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { Catalog, ProcedureGuide, procedureCatalogProblems } from '../../contract';
import { RobotConfig, type RobotConfigInput } from './schema';
import { DEMO_CATALOG } from './demo-catalog';
import { machineRobotId } from './machine-id';
import { ConfigMigrationError, migrateConfig } from './migrate';

/** sysexits.h EX_CONFIG: what `lobby-robot start` exits with on an invalid configuration. */
export const EXIT_CONFIG = 78;

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`invalid configuration (${source}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** "printer.port: expected number, received string" — names the field and what was expected. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(document)'}: ${i.message}`);
}

export const SIMULATOR_DEFAULTS: RobotConfigInput = {
  profile: 'simulator',
  robotId: 'robot-sim-1',
  scanners: [{ adapter: 'simulator', id: 'simulated' }],
  motion: { adapter: 'simulator' },
  // a robot that speaks and listens out of the box: espeak-ng decides, the sound card (or WAV files) and the microphone follow
  voice: { enabled: 'auto', audioIn: { adapter: 'auto' }, speech: { sink: { adapter: 'auto' } } },
};

export interface LoadOptions {
  file?: string;
  env?: NodeJS.ProcessEnv;
  overrides?: { port?: number; dataDir?: string };
  cwd?: string;
}

export interface LoadedConfig {
  config: RobotConfig;
  catalog: Catalog;
  source: string;
  /** The guide of `proceduresFile`, checked against the catalog; absent: the shipped guide. */
  procedures?: ProcedureGuide;
  /** What migrateConfig did to the file before validation: log it (`applied` empty when current). */
  migration: { fromVersion: number; toVersion: number; applied: string[] };
}

/** Reads, validates and resolves the configuration; throws ConfigError naming every bad field. */
export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = options.file ?? env.LOBBY_ROBOT_CONFIG;
  const source = file ? resolve(cwd, file) : 'simulator profile (built in)';
  let input: unknown = SIMULATOR_DEFAULTS;
  if (file) input = readJson(resolve(cwd, file), source);

  // an older file is brought to the current version in memory first (./migrate.ts)
  let migrated;
  try {
    migrated = migrateConfig(input);
  } catch (e) {
    if (e instanceof ConfigMigrationError) throw new ConfigError(source, e.problems);
    throw e;
  }
  const { document, ...migration } = migrated;
  const parsed = RobotConfig.safeParse(document);
  if (!parsed.success) throw new ConfigError(source, describeIssues(parsed.error));
  const config = { ...parsed.data, controller: { ...parsed.data.controller } };

  const port = options.overrides?.port ?? envNumber(env.LOBBY_ROBOT_PORT, 'LOBBY_ROBOT_PORT', source);
  if (port !== undefined) config.controller.port = port;
  const dataDir = options.overrides?.dataDir ?? env.LOBBY_ROBOT_DATA;
  if (dataDir) config.dataDir = dataDir;
  if (!isAbsolute(config.dataDir)) config.dataDir = resolve(cwd, config.dataDir);
  // a derived id follows the data folder the robot really uses
  if ((document as { robotId?: unknown }).robotId === undefined) config.robotId = machineRobotId(config.dataDir);

  const catalog = resolveCatalog(config, cwd, source);
  return { config, catalog, procedures: resolveProcedures(config.proceduresFile, catalog, cwd, source), source, migration };
}

/** The named guide file, whole and consistent with the catalog, or a ConfigError naming the file. */
function resolveProcedures(file: string | undefined, catalog: Catalog, cwd: string, source: string): ProcedureGuide | undefined {
  if (!file) return undefined;
  const path = resolve(cwd, file);
  const parsed = ProcedureGuide.safeParse(readJson(path, path));
  if (!parsed.success) throw new ConfigError(source, describeIssues(parsed.error).map((p) => `proceduresFile ${path}: ${p}`));
  const problems = procedureCatalogProblems(parsed.data, catalog);
  if (problems.length) throw new ConfigError(source, problems.slice(0, 20).map((p) => `proceduresFile ${path}: ${p}`));
  return parsed.data;
}

function resolveCatalog(config: RobotConfig, cwd: string, source: string): Catalog {
  if (config.catalog) return config.catalog;
  if (!config.catalogFile) return DEMO_CATALOG;
  const path = resolve(cwd, config.catalogFile);
  const parsed = Catalog.safeParse(readJson(path, path));
  if (!parsed.success) throw new ConfigError(source, describeIssues(parsed.error).map((p) => `catalogFile ${path}: ${p}`));
  return parsed.data;
}

function readJson(path: string, source: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(source, [`(file): cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`]);
  }
  if (text.length > 5 * 1024 * 1024) throw new ConfigError(source, ['(file): larger than 5 MB']);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(source, [`(file): not valid JSON: ${(e as Error).message}`]);
  }
}

function envNumber(value: string | undefined, name: string, source: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(source, [`${name}: expected a port number 0-65535, got "${value}"`]);
  return n;
}
