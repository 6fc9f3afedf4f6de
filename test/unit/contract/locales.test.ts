import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, LANGUAGES } from '../../../src/contract';

const LOCALES = join(__dirname, '..', '..', '..', 'locales');

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function load(lang: string, ns: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(LOCALES, lang, ns), 'utf8'));
}

describe('locales', () => {
  const namespaces = readdirSync(join(LOCALES, 'vi')).filter((f) => f.endsWith('.json'));

  it('has a folder for each of the five languages and nothing else', () => {
    expect(readdirSync(LOCALES).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(namespaces)('%s has exactly the same keys in every language, none empty', (ns) => {
    const reference = keys(load('vi', ns)).sort();
    for (const lang of LANGUAGES) {
      const data = load(lang, ns);
      expect({ lang, keys: keys(data).sort() }).toEqual({ lang, keys: reference });
      for (const k of keys(data)) {
        const value = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], data);
        expect({ lang, k, ok: typeof value === 'string' && value.trim().length > 0 }).toEqual({ lang, k, ok: true });
      }
    }
  });

  it('has a message for every error code in every language', () => {
    for (const lang of LANGUAGES) {
      const errors = load(lang, 'errors.json');
      const missing = ERROR_CODES.filter((c) => typeof errors[c] !== 'string');
      expect({ lang, missing }).toEqual({ lang, missing: [] });
    }
  });
});
