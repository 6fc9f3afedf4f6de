/**
 * Config changes from service mode: one setting at a time, validated by applying it to the whole
 * config document and parsing that with RobotConfig (so every rule of the schema holds), written
 * atomically to the config file the robot was started with, then applied live where that is
 * safe, or listed as needing a restart.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { CodedError } from '../../contract/error-codes';
import type { ServiceSettingKey } from '../../contract/service';
import { describeIssues } from '../config/load';
import { RobotConfig } from '../config/schema';

/** Live: read at each use (the next ticket, the next session). Restart: captured at start-up. */
export const SETTING_APPLY: Record<ServiceSettingKey, 'live' | 'restart'> = {
  'printer.density': 'live',
  'printer.cut': 'live',
  'service.inactivitySeconds': 'live',
  'screen.idleSeconds': 'restart',
  'defaultLanguage': 'restart',
};

type Doc = Record<string, unknown>;

export function getPath(doc: Doc, path: readonly string[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Doc)[k] : undefined), doc);
}

/** A copy of `doc` with `path` set (null removes the key, so the default applies again). */
export function setPath(doc: Doc, path: readonly string[], value: unknown): Doc {
  const copy = structuredClone(doc);
  let o: Doc = copy;
  for (const k of path.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Doc;
  }
  const last = path[path.length - 1]!;
  if (value === null) delete o[last];
  else o[last] = value;
  return copy;
}

export interface ConfigDocument {
  /** The document as the file has it (defaults not filled in). */
  read(): Doc;
  /** Validates and persists; returns false when there is no file to write (built-in profile). */
  write(doc: Doc): boolean;
}

/** The config file the robot was started with; without one, changes are kept in memory only. */
export function configDocument(file: string | undefined, initial: Doc): ConfigDocument {
  let memory = structuredClone(initial);
  return {
    read: () => {
      if (!file) return structuredClone(memory);
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as Doc;
      } catch (e) {
        throw new CodedError('SERVICE_CONFIG_WRITE_FAILED', `cannot read ${file}: ${(e as Error).message}`);
      }
    },
    write: (doc) => {
      if (!file) {
        memory = structuredClone(doc);
        return false;
      }
      writeAtomically(file, `${JSON.stringify(doc, null, 2)}\n`);
      return true;
    },
  };
}

/** Temp file, fsync, rename: a power cut leaves the old config or the new one, never half. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    throw new CodedError('SERVICE_CONFIG_WRITE_FAILED', (e as Error).message);
  }
}

/** Applies one change to the document; SERVICE_SETTING_INVALID names the field when the schema refuses it. */
export function changedDocument(doc: Doc, path: readonly string[], value: unknown): { doc: Doc; config: RobotConfig } {
  const next = setPath(doc, path, value);
  const parsed = RobotConfig.safeParse(next);
  if (!parsed.success) throw new CodedError('SERVICE_SETTING_INVALID', describeIssues(parsed.error).slice(0, 3).join('; '));
  return { doc: next, config: parsed.data };
}

/**
 * A printer setting in a file without a `printer` block: the block starts with the adapter the
 * robot runs (the schema needs it to know the block), so the rest keeps its defaults. No printer
 * configured: there is nothing to set (SERVICE_NO_PRINTER, not an "invalid value").
 */
export function withSection(doc: Doc, key: ServiceSettingKey, running: RobotConfig): Doc {
  if (!key.startsWith('printer.')) return doc;
  if (running.printer.adapter === 'none') throw new CodedError('SERVICE_NO_PRINTER', 'no printer is configured');
  const block = getPath(doc, ['printer']);
  return block && typeof block === 'object' ? doc : setPath(doc, ['printer'], { adapter: running.printer.adapter });
}

/** Each setting as saved: the file's document with the schema's defaults (the running config if it no longer parses). */
export function savedValues(doc: Doc, running: RobotConfig, paths: Record<ServiceSettingKey, readonly string[]>): Record<ServiceSettingKey, number | string | null> {
  const parsed = RobotConfig.safeParse(doc);
  const source = (parsed.success ? parsed.data : running) as unknown as Doc;
  const out = {} as Record<ServiceSettingKey, number | string | null>;
  for (const [key, path] of Object.entries(paths) as Array<[ServiceSettingKey, readonly string[]]>) {
    const v = getPath(source, path);
    out[key] = typeof v === 'number' || typeof v === 'string' ? v : null;
  }
  return out;
}
