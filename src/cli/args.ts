import { parseArgs } from 'node:util';

export class UsageError extends Error {}

/** Strict option parsing: an unknown or malformed option is a usage error, not ignored. */
export function parseOptions<T extends Record<string, { type: 'string' | 'boolean'; short?: string }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port: expected a number 0-65535, got "${value}"`);
  return n;
}
