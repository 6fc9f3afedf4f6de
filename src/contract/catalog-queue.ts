/**
 * The queue part of the catalog: counters, opening hours, holidays, priority categories,
 * numbering and cut-off rules. Every field has a default so a catalog that predates these
 * fields still parses; a real center sets them in its catalog file or sends them on sync.
 */
import { z } from 'zod';
import { LANGUAGES } from './version';

const LocalizedName = z.object(
  Object.fromEntries(LANGUAGES.map((l) => [l, z.string().min(1).max(300)])) as Record<(typeof LANGUAGES)[number], z.ZodString>,
);
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'lower-case id: letters, digits and dashes');

/** "07:30": wall time in Asia/Ho_Chi_Minh. */
export const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:MM, 24 h');
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

export function hhmmToMinutes(t: string): number {
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
}

export const DayHours = z
  .object({ open: HhMm, close: HhMm, lunch: z.object({ start: HhMm, end: HhMm }).strict().optional() })
  .strict()
  .superRefine((h, ctx) => {
    const points = [h.open, ...(h.lunch ? [h.lunch.start, h.lunch.end] : []), h.close].map(hhmmToMinutes);
    for (let i = 1; i < points.length; i++) {
      if (points[i]! <= points[i - 1]!) ctx.addIssue({ code: 'custom', message: 'times must increase: open < lunch.start < lunch.end < close' });
    }
  });
export type DayHours = z.infer<typeof DayHours>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const weekday = (d: DayHours | null) => DayHours.nullable().default(d);
const WORKDAY: DayHours = { open: '07:30', close: '17:00', lunch: { start: '11:30', end: '13:30' } };
/** Null = closed that weekday. Default: Mon–Fri with a lunch break, Saturday morning. */
export const OpeningHours = z
  .object({
    mon: weekday(WORKDAY), tue: weekday(WORKDAY), wed: weekday(WORKDAY), thu: weekday(WORKDAY), fri: weekday(WORKDAY),
    sat: weekday({ open: '07:30', close: '11:30' }), sun: weekday(null),
  })
  .strict();
export type OpeningHours = z.infer<typeof OpeningHours>;

export const Counter = z
  .object({
    id: Id,
    /** "Quầy 3": the sign above the counter, printed and announced in Vietnamese. */
    label: z.string().min(1).max(40),
    /** The sign in the visitor's language ("Counter 3", "3号窗口"); the Vietnamese label when absent. */
    labels: z.partialRecord(z.enum(LANGUAGES), z.string().min(1).max(40)).optional(),
    counterGroup: z.string().min(1).max(40),
    /** Whether this counter stops during the lunch break (some centers keep one open). */
    closesForLunch: z.boolean().default(true),
  })
  .strict();
export type Counter = z.infer<typeof Counter>;

export const PriorityCategory = z
  .object({
    id: Id,
    name: LocalizedName,
    /** How much the center favours this category when calling; normal tickets weigh 1. */
    weight: z.number().int().min(1).max(100),
    /** Which cut-off rule applies: appointment holders have their own. */
    kind: z.enum(['priority', 'appointment']).default('priority'),
  })
  .strict();
export type PriorityCategory = z.infer<typeof PriorityCategory>;

const n = (vi: string, en: string, zh: string, ko: string, ja: string) => ({ vi, en, zh, ko, ja });
/** Decree 61/2018 and its successors name these groups; weights are the center's choice. */
export const DEFAULT_PRIORITY_CATEGORIES: PriorityCategory[] = [
  { id: 'elderly', weight: 3, kind: 'priority', name: n('Người cao tuổi', 'Elderly person', '老年人', '고령자', '高齢者') },
  { id: 'disability', weight: 3, kind: 'priority', name: n('Người khuyết tật', 'Person with a disability', '残疾人', '장애인', '障害のある方') },
  { id: 'pregnant', weight: 3, kind: 'priority', name: n('Phụ nữ mang thai', 'Pregnant woman', '孕妇', '임산부', '妊娠中の方') },
  { id: 'child-under-6', weight: 2, kind: 'priority', name: n('Người đi cùng trẻ dưới 6 tuổi', 'With a child under 6', '携带6岁以下儿童者', '6세 미만 아동 동반자', '6歳未満の子ども連れの方') },
  { id: 'meritorious', weight: 3, kind: 'priority', name: n('Người có công với cách mạng', 'Person with meritorious services', '革命功臣', '국가유공자', '革命功労者') },
  { id: 'appointment', weight: 2, kind: 'appointment', name: n('Người có lịch hẹn', 'Appointment holder', '预约者', '예약자', '予約のある方') },
];

/**
 * Number space of one prefix per business day: [start, dailyCap]. The top
 * `fallbackSlots * fallbackSize` numbers are split into one fallback series per robot slot,
 * used only when the robot holds no leased block; the center leases blocks from the rest.
 */
export const NumberingRule = z
  .object({
    start: z.number().int().min(0).max(9999).default(1),
    width: z.number().int().min(2).max(6).default(3),
    dailyCap: z.number().int().min(1).max(999999).default(999),
    // up to the 64 slots an enrolment can grant (sync/enrolment.ts): a busy center (issue 19) has more than 16 robots
    fallbackSlots: z.number().int().min(1).max(64).default(4),
    fallbackSize: z.number().int().min(1).max(10000).default(50),
    /** How many numbers the center leases to a robot at a time. */
    blockSize: z.number().int().min(1).max(1000).default(20),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.start < 1) ctx.addIssue({ code: 'custom', path: ['start'], message: 'ticket numbers start at 1 or more' });
    if (r.dailyCap >= 10 ** r.width) ctx.addIssue({ code: 'custom', path: ['dailyCap'], message: `must fit in ${r.width} digits` });
    const leasable = r.dailyCap - r.fallbackSlots * r.fallbackSize - r.start + 1;
    if (leasable < r.blockSize) ctx.addIssue({ code: 'custom', path: ['fallbackSize'], message: 'fallback series leave no room for one leased block' });
  });
export type NumberingRule = z.infer<typeof NumberingRule>;

/**
 * estimated-start: refused when the estimated start of service falls after closing (or inside
 * lunch for counters that close); until-closing: issued while open, up to `marginMinutes`
 * before closing.
 */
export const CutoffRule = z
  .object({ rule: z.enum(['estimated-start', 'until-closing']), marginMinutes: z.number().int().min(0).max(240).default(0) })
  .strict();
export type CutoffRule = z.infer<typeof CutoffRule>;

export const CutoffRules = z
  .object({
    normal: CutoffRule.default({ rule: 'estimated-start', marginMinutes: 0 }),
    priority: CutoffRule.default({ rule: 'until-closing', marginMinutes: 0 }),
    appointment: CutoffRule.default({ rule: 'until-closing', marginMinutes: 0 }),
  })
  .strict();
export type CutoffRules = z.infer<typeof CutoffRules>;

/** What happens to a ticket whose print failed: print it again (same number) or void it. */
export const PrintFailurePolicy = z
  .object({ action: z.enum(['reprint', 'void']).default('reprint'), maxAttempts: z.number().int().min(1).max(5).default(2) })
  .strict();

/**
 * How the center calls: priority first, but a waiting ticket is passed by at most `maxOvertakes`
 * tickets issued after it (src/core/queue/call-order.ts). Absent: DEFAULT_MAX_OVERTAKES.
 */
export const CallingRule = z.object({ maxOvertakes: z.number().int().min(0).max(100) }).strict();

/**
 * The director's statistics (issue 18): the share of tickets called within `minutes` of their
 * issue, per service where `byService` sets its own target. Absent: 15 minutes for every service.
 */
export const WaitTarget = z
  .object({
    minutes: z.number().int().min(1).max(240).default(15),
    byService: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/), z.number().int().min(1).max(240)).default({}),
  })
  .strict();
export type WaitTarget = z.infer<typeof WaitTarget>;

/** The queue fields merged into the Catalog object schema. */
export const CatalogQueueFields = {
  counters: z.array(Counter).max(100).default([]),
  openingHours: OpeningHours.default(OpeningHours.parse({})),
  holidays: z.array(IsoDay).max(366).default([]),
  priorityCategories: z.array(PriorityCategory).max(20).default(DEFAULT_PRIORITY_CATEGORIES),
  numbering: NumberingRule.default(NumberingRule.parse({})),
  /** Per-prefix overrides of `numbering`, e.g. { "R": { "dailyCap": 500 } }. */
  numberingByPrefix: z.record(z.string().regex(/^[A-Z]{1,2}$/), z.record(z.string(), z.number())).default({}),
  cutoff: CutoffRules.default(CutoffRules.parse({})),
  printFailure: PrintFailurePolicy.default({ action: 'reprint', maxAttempts: 2 }),
  calling: CallingRule.optional(),
  waitTarget: WaitTarget.optional(),
};
