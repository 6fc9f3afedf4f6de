import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. Personal data never belongs in a log line; the redaction list is a safety
 * net for fields that could carry it (names, ID numbers, phone numbers, tokens, PINs).
 */
export const REDACTED_PATHS = [
  'token', '*.token', 'name', '*.name', 'fullName', '*.fullName', 'idNumber', '*.idNumber',
  'phone', '*.phone', 'pin', '*.pin', 'accessKey', '*.accessKey', 'req.headers.authorization',
  // booking and home visits (issue 18): a request logged whole, up to two levels down
  '*.*.phone', '*.*.name', 'address', '*.address', '*.*.address', 'street', '*.street', 'houseNumber', '*.houseNumber', 'qrText', '*.qrText',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { app: 'lobby-robot' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}
