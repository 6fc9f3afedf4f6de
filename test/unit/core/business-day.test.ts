import { businessDay } from '../../../src/core/business-day';
import { formatTicketNumber } from '../../../src/core/ticket-number';

describe('business day in Asia/Ho_Chi_Minh (UTC+7) whatever the machine timezone', () => {
  it('rolls over at local midnight, i.e. 17:00 UTC', () => {
    expect(businessDay(new Date('2026-11-29T16:59:59.999Z'))).toBe('2026-11-29');
    expect(businessDay(new Date('2026-11-29T17:00:00.000Z'))).toBe('2026-11-30');
  });
  it('handles the year boundary', () => {
    expect(businessDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

describe('ticket number display', () => {
  it('pads to the width and keeps longer numbers whole', () => {
    expect(formatTicketNumber('A', 7)).toBe('A007');
    expect(formatTicketNumber('BC', 1234, 3)).toBe('BC1234');
  });
  it('refuses non-positive or fractional numbers', () => {
    expect(() => formatTicketNumber('A', 0)).toThrow(RangeError);
    expect(() => formatTicketNumber('A', 1.5)).toThrow(RangeError);
  });
});
