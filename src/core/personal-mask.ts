/**
 * Masks of personal data, for every answer and screen that is not the center's own database.
 * A phone keeps its first two and last three digits ("09•••••678"); a name keeps the family name
 * and initials ("Nguyễn Văn An" → "Nguyễn V. A."), as the center's appointments have always shown.
 */
const BULLET = '\u2022';

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return BULLET.repeat(digits.length);
  return digits.slice(0, 2) + BULLET.repeat(digits.length - 5) + digits.slice(-3);
}

export function maskName(name: string | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const [family, ...rest] = words;
  if (rest.length === 0) return `${[...family!][0]}.`;
  return [family, ...rest.map((w) => `${[...w][0]!.toUpperCase()}.`)].join(' ');
}
