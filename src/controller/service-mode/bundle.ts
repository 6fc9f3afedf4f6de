/**
 * The support bundle a technician downloads: logs, config, status and calibration as one JSON
 * document, with every secret removed. Two layers: fields whose name says secret are dropped,
 * then every known secret value (API token, PIN hash, device token, keys) is scrubbed from the
 * text wherever it hides; if one still appears the export fails instead of leaking it.
 */
import { CodedError } from '../../contract/error-codes';

/** Field names that carry or may carry a secret, at any depth. */
const SECRET_FIELD = /(pin|hash|token|secret|password|passphrase|key|credential|authorization|cookie)/i;
export const REMOVED = '[removed]';

export function withoutSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecretFields);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELD.test(k) ? REMOVED : withoutSecretFields(v)]),
  );
}

/** JSON text with every secret field removed and every known secret value scrubbed. */
export function secretFreeJson(document: Record<string, unknown>, secrets: readonly string[]): string {
  let text = JSON.stringify(withoutSecretFields(document), null, 2);
  const known = secrets.filter((s) => typeof s === 'string' && s.length >= 8);
  for (const s of known) text = text.split(s).join(REMOVED);
  // a secret may also appear JSON-escaped
  for (const s of known) text = text.split(JSON.stringify(s).slice(1, -1)).join(REMOVED);
  if (known.some((s) => text.includes(s))) throw new CodedError('INTERNAL_ERROR', 'a secret survived the bundle scrub');
  return text;
}

export function bundleFilename(robotId: string, at: Date): string {
  return `lobby-robot-${robotId}-${at.toISOString().replace(/[:.]/g, '-')}.json`;
}
