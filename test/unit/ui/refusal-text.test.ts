import { ERROR_CODES, LANGUAGES } from '../../../src/contract';
import { formatNextOpening, isQueueRefusal } from '../../../src/ui/format';
import { createI18n } from '../../../src/ui/i18n';

describe('refusal texts on the touchscreen', () => {
  it('gives the next opening in the center\'s time zone, in each language\'s own order, on a 24-hour clock', () => {
    // 00:30 UTC is 07:30 in Ha Noi, whatever zone the machine running the test is in
    const at = '2026-11-30T00:30:00Z';
    expect(LANGUAGES.map((l) => formatNextOpening(at, l))).toEqual([
      '07:30, Thứ Hai, 30 tháng 11, 2026',
      '07:30, Monday, 30 November 2026',
      '2026年11月30日星期一 07:30',
      '2026년 11월 30일 월요일 07:30',
      '2026年11月30日月曜日 07:30',
    ]);
    expect(formatNextOpening('2026-12-01T09:15:00Z', 'en')).toBe('16:15, Tuesday, 1 December 2026');
    expect(formatNextOpening('not a date', 'vi')).toBeUndefined();
  });

  it('shows queue refusals on their own screen, everything else as a banner', () => {
    expect(ERROR_CODES.filter(isQueueRefusal)).toEqual([
      'QUEUE_CENTER_CLOSED', 'QUEUE_HOLIDAY', 'QUEUE_LUNCH_BREAK', 'QUEUE_CUTOFF_REACHED', 'QUEUE_DAILY_CAP_REACHED',
      'QUEUE_NO_NUMBERS_AVAILABLE', 'QUEUE_NOT_ENROLLED', 'QUEUE_TICKET_STATE_CONFLICT', 'QUEUE_PRINT_OUTCOME_UNKNOWN', 'QUEUE_STORE_FAILED',
    ]);
    expect(isQueueRefusal('PRINTER_PAPER_OUT')).toBe(false);
    expect(isQueueRefusal('QUEUE_PRIORITY_UNKNOWN')).toBe(false);
  });

  it.each(LANGUAGES)('renders every refusal in %s with the time filled in and no placeholder left', async (lang) => {
    const i18n = await createI18n(lang);
    const nextOpening = formatNextOpening('2026-11-30T00:30:00Z', lang)!;
    for (const code of ERROR_CODES.filter(isQueueRefusal)) {
      const text = i18n.t(`errors:${code}`, { nextOpening });
      expect({ code, text }).toEqual({ code, text: expect.not.stringContaining('{{') });
      if (['QUEUE_CENTER_CLOSED', 'QUEUE_HOLIDAY', 'QUEUE_CUTOFF_REACHED'].includes(code)) expect(text).toContain(nextOpening);
    }
  });
});
