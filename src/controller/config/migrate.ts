/**
 * Config documents carry a `version`. When the schema changes in a way an old file would fail,
 * the change comes with a migration here that rewrites a document of version N into N+1, and
 * CONFIG_VERSION goes up by one. Migrations run on the raw JSON before zod validation, in
 * memory, at every start: an updated robot keeps working with the config file it had (which
 * systemd keeps read-only for the controller) and the log says which steps were applied; a
 * technician can write the migrated document back at leisure.
 *
 * Files written before the field existed have no `version`: they are version 0, and the only
 * step so far (0 → 1) just stamps the version, since version 1 is the schema of that time.
 */

export const CONFIG_VERSION = 1;

export interface ConfigMigration {
  /** Rewrites a document of version `from` into version `from + 1`. */
  from: number;
  /** One line for the log and the technician: what changed. */
  describe: string;
  /** Gets a deep copy it may change; returns the document of the next version. */
  up(document: Record<string, unknown>): Record<string, unknown>;
}

export const CONFIG_MIGRATIONS: readonly ConfigMigration[] = [
  {
    from: 0,
    describe: 'stamp "version": 1 on a config written before versions existed',
    up: (document) => document,
  },
];

export interface MigratedConfig {
  /** The document at the target version (with `version` set), ready for the zod schema. */
  document: Record<string, unknown>;
  fromVersion: number;
  toVersion: number;
  /** `describe` of each step applied, in order; empty when the document was current. */
  applied: string[];
}

/** A document that cannot be migrated; `problems` name the field, like ConfigError's. */
export class ConfigMigrationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ConfigMigrationError';
  }
}

export function migrateConfig(
  input: unknown,
  migrations: readonly ConfigMigration[] = CONFIG_MIGRATIONS,
  target: number = CONFIG_VERSION,
): MigratedConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigMigrationError(['(document): expected a JSON object']);
  }
  const raw = (input as Record<string, unknown>).version;
  const fromVersion = raw === undefined ? 0 : raw;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0) {
    throw new ConfigMigrationError([`version: expected a whole number, got ${JSON.stringify(raw)}`]);
  }
  if (fromVersion > target) {
    throw new ConfigMigrationError([
      `version: ${fromVersion} is newer than this lobby-robot understands (${target}); install the lobby-robot version that wrote it, or newer`,
    ]);
  }

  let document = structuredClone(input) as Record<string, unknown>;
  const applied: string[] = [];
  for (let version = fromVersion; version < target; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new ConfigMigrationError([`version: no migration from ${version} to ${version + 1}`]);
    document = step.up(document);
    document.version = version + 1;
    applied.push(step.describe);
  }
  document.version = target;
  return { document, fromVersion, toVersion: target, applied };
}
