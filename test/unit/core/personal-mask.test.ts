import { maskName, maskPhone } from '../../../src/core/personal-mask';

describe('personal data masks', () => {
  it('keeps two leading and three trailing digits of a phone', () => {
    expect(maskPhone('0912345678')).toBe('09•••••678');
    expect(maskPhone('0912345678')).not.toContain('12345');
  });

  it('keeps the family name and the initials of a name, like the seeded appointments', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V. A.');
    expect(maskName('  trần   thị bình ')).toBe('trần T. B.');
    expect(maskName('Lan')).toBe('L.');
    expect(maskName(undefined)).toBe('');
  });
});
