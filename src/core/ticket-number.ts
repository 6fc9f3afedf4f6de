/** "A" + 7 with width 3 -> "A007": what is printed, shown and spoken. */
export function formatTicketNumber(prefix: string, number: number, width = 3): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`ticket number must be a positive integer, got ${number}`);
  return prefix + String(number).padStart(width, '0');
}
