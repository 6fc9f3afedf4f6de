import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, WaitStrings, type Language } from '../../../src/contract';
import { estimateWait, sayWait, statusWait } from '../../../src/core/queue';
import { waitLines } from '../../../src/ui/format';

const strings = (lang: Language) => WaitStrings.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'locales', lang, 'wait.json'), 'utf8')));

describe('one way of saying a wait', () => {
  it.each(LANGUAGES)('%s: nobody ahead says "you are next" and no minutes at all', (lang) => {
    const lines = sayWait(estimateWait({ localPeopleAhead: 0, recentServiceMinutes: [], expectedServiceMinutes: 15, counters: 1 }), strings(lang));
    expect(lines).toEqual({ ahead: strings(lang).next, wait: null });
    expect(lines.ahead).not.toMatch(/\d/);
  });

  it.each(LANGUAGES)('%s: people ahead and a range, figures filled in, no placeholder left', (lang) => {
    const lines = sayWait({ peopleAhead: 4, minMinutes: 11, maxMinutes: 34 }, strings(lang));
    expect(lines.ahead).toContain('4');
    expect(lines.wait).toMatch(/11\s*[–～]\s*34/);
    expect(JSON.stringify(lines)).not.toContain('{{');
  });

  it('says "about" when both ends agree and "up to" when the low end rounds to nothing, never 0 minutes', () => {
    const en = strings('en');
    expect(sayWait({ peopleAhead: 1, minMinutes: 4, maxMinutes: 4 }, en).wait).toBe('Estimated wait: about 4 min');
    expect(sayWait({ peopleAhead: 1, minMinutes: 0, maxMinutes: 2 }, en).wait).toBe('Estimated wait: up to 2 min');
    expect(sayWait({ peopleAhead: 2, minMinutes: 0, maxMinutes: 0 }, en).wait).toBe('Estimated wait: up to 1 min');
    expect(sayWait({ peopleAhead: Number.NaN, minMinutes: 0, maxMinutes: 0 }, en)).toEqual({ ahead: 'You are next', wait: null });
  });

  it('reads the center\'s ticket status as the same figures', () => {
    expect(statusWait({ peopleAhead: 3, waitMinutes: { min: 5, max: 9 } })).toEqual({ peopleAhead: 3, minMinutes: 5, maxMinutes: 9 });
    expect(statusWait({ peopleAhead: 0, waitMinutes: null })).toBeNull();
  });

  it.each(LANGUAGES)('%s: the touchscreen words it with the same strings', (lang) => {
    const figures = { peopleAhead: 2, minMinutes: 7, maxMinutes: 23 };
    expect(waitLines(figures, lang)).toEqual(sayWait(figures, strings(lang)));
  });
});
