/**
 * A phone number as robots, the citizen's status page and logs may show it: the carrier prefix
 * and the last three digits, enough for a citizen to recognise their own number, not to call it.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 6)}${digits.slice(-3)}`;
}
