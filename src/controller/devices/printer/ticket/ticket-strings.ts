import { z } from 'zod';
import { LANGUAGES, WaitStrings, type Language } from '../../../../contract';
import { centerClockFormat } from '../../../../core/clock-format';
import { readProjectJson } from '../../../project-files';

const KEYS = ['yourNumber', 'service', 'priority', 'whereToGo', 'issuedAt', 'scanToFollow', 'footer'] as const;
export type TicketStringKey = (typeof KEYS)[number];
const Strings = z.object(Object.fromEntries(KEYS.map((k) => [k, z.string().min(1).max(200)])) as Record<TicketStringKey, z.ZodString>);

let strings: Record<Language, Record<TicketStringKey, string>> | undefined;

/** Ticket wording from locales/<lang>/ticket.json (read once, validated). */
function load(): Record<Language, Record<TicketStringKey, string>> {
  strings ??= Object.fromEntries(LANGUAGES.map((l) => [l, Strings.parse(readProjectJson('locales', l, 'ticket.json'))])) as Record<Language, Record<TicketStringKey, string>>;
  return strings;
}

let waits: Record<Language, WaitStrings> | undefined;

/** How the wait is said, from locales/<lang>/wait.json: the same words as the screen and the phone page. */
export function waitStrings(lang: Language): WaitStrings {
  waits ??= Object.fromEntries(LANGUAGES.map((l) => [l, WaitStrings.parse(readProjectJson('locales', l, 'wait.json'))])) as Record<Language, WaitStrings>;
  return waits[lang];
}

export function ticketString(lang: Language, key: TicketStringKey, values: Record<string, string | number> = {}): string {
  return load()[lang][key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** Building an Intl formatter costs more than drawing a line: one per language for the process. */
const issueTimeFormats = new Map<Language, Intl.DateTimeFormat>();

/** The issue time as people in the center read it: always Asia/Ho_Chi_Minh, 00–23 clock. */
export function formatIssueTime(lang: Language, at: Date): string {
  let format = issueTimeFormats.get(lang);
  if (!format) {
    format = centerClockFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    issueTimeFormats.set(lang, format);
  }
  return format.format(at);
}
