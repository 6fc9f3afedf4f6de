import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, LANGUAGES } from '../../../src/contract';

const QUEUE_CODES = ERROR_CODES.filter((c) => c.startsWith('QUEUE_'));
const messages = (lang: string) => JSON.parse(readFileSync(join(__dirname, '../../../locales', lang, 'errors.json'), 'utf8')) as Record<string, string>;
/** Refusals that tell the citizen when to come back. */
const WITH_NEXT_OPENING = ['QUEUE_CENTER_CLOSED', 'QUEUE_HOLIDAY', 'QUEUE_LUNCH_BREAK', 'QUEUE_CUTOFF_REACHED', 'QUEUE_DAILY_CAP_REACHED'];

describe('queue refusal messages', () => {
  it('has the queue codes in the contract', () => {
    expect(QUEUE_CODES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(LANGUAGES)('has a message for every queue code in %s, naming the next opening where it applies', (lang) => {
    const m = messages(lang);
    for (const code of QUEUE_CODES) {
      expect(typeof m[code]).toBe('string');
      expect(m[code]!.trim().length).toBeGreaterThan(5);
      expect(m[code]!.includes('{{nextOpening}}')).toBe(WITH_NEXT_OPENING.includes(code));
    }
  });
});
