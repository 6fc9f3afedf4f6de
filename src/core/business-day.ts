/**
 * The center's business day. Numbers reset at 00:00 Asia/Ho_Chi_Minh whatever the machine's
 * own timezone is; time is always passed in (no clock here), so tests need no sleeping.
 */
export const CENTER_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: CENTER_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of the instant in the center's timezone. */
export function businessDay(at: Date): string {
  return dayFormat.format(at);
}
