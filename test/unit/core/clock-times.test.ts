import { LANGUAGES } from '../../../src/contract';
import { formatIssueTime } from '../../../src/controller/devices/printer/ticket/ticket-strings';
import { formatNextOpening } from '../../../src/ui/format';
import { centerTime } from '../../../src/ui/format';

/** 17:33 UTC is 00:33 the next day in Ha Noi: the first half hour after midnight. */
const JUST_AFTER_MIDNIGHT = new Date('2026-12-04T17:33:00Z');

describe('clock times a person reads, just after midnight in the center', () => {
  it.each(LANGUAGES)('the printed issue time in %s reads 00:33 on the 5th, never 24:33', (lang) => {
    const text = formatIssueTime(lang, JUST_AFTER_MIDNIGHT);
    expect(text).toContain('00:33');
    expect(text).not.toContain('24:');
    expect(text).toContain('05');
  });

  it.each(LANGUAGES)('the touchscreen\'s appointment time and next opening in %s read 00:33', (lang) => {
    expect(centerTime(JUST_AFTER_MIDNIGHT.toISOString(), lang)).toBe('00:33');
    expect(formatNextOpening(JUST_AFTER_MIDNIGHT.toISOString(), lang)).toContain('00:33');
  });
});
