/**
 * One way of saying a wait, for every place that shows it: the touchscreen's ticket screen, the
 * printed ticket and the center's phone page (/t/<id>). The figures come from `estimateWait`;
 * the words from locales/<lang>/wait.json.
 */
import type { WaitStrings } from '../../contract';

export interface WaitFigures {
  peopleAhead: number;
  minMinutes: number;
  maxMinutes: number;
}

export interface WaitLines {
  /** "People ahead of you: 3", or "You are next". */
  ahead: string;
  /** "Estimated wait: 11–34 min"; null when nobody is ahead. */
  wait: string | null;
}

/** The two lines of a wait, in the words of `strings` (one language's wait.json). */
export function sayWait(figures: WaitFigures, strings: WaitStrings): WaitLines {
  const fill = (text: string, values: Record<string, number>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
  const ahead = Math.max(0, Math.floor(figures.peopleAhead));
  if (!(ahead > 0)) return { ahead: strings.next, wait: null };
  const min = Math.max(0, Math.floor(figures.minMinutes) || 0);
  // someone is ahead: the wait is at least a minute, whatever the rounding said
  const max = Math.max(1, min, Math.ceil(figures.maxMinutes) || 0);
  const wait = min === 0 ? fill(strings.upTo, { max }) : min === max ? fill(strings.about, { minutes: min }) : fill(strings.range, { min, max });
  return { ahead: fill(strings.peopleAhead, { count: ahead }), wait };
}

/** The figures of the center's ticket status (`GET /v1/tickets/:id/status`); null once it is no longer waiting. */
export function statusWait(status: { peopleAhead: number; waitMinutes: { min: number; max: number } | null }): WaitFigures | null {
  return status.waitMinutes ? { peopleAhead: status.peopleAhead, minMinutes: status.waitMinutes.min, maxMinutes: status.waitMinutes.max } : null;
}
