/**
 * Everything decided before a number is taken: which service and category, which business day,
 * the wait estimate and the cut-off verdict. The store then takes the number in one transaction.
 */
import type { Catalog, ErrorCode, NumberingRule, PriorityCategory, Service } from '../../contract';
import { centerWallTime } from './center-time';
import { cutoffFrame, decideCutoff, type CutoffFrame, type TicketKind } from './cutoff';
import { numberingFor } from './numbering';
import { estimateWait, type WaitEstimate, type WaitInput } from './wait-estimate';

export interface IssueRequest {
  serviceId: string;
  categoryId?: string;
}

export type IssuePlan =
  | {
      ok: true;
      service: Service;
      category?: PriorityCategory;
      kind: TicketKind;
      day: string;
      rule: NumberingRule;
      estimate: WaitEstimate;
    }
  | { ok: false; code: ErrorCode; nextOpeningAt: Date | null };

type Refusal = Extract<IssuePlan, { ok: false }>;

/** What a plan knows before the people ahead are counted; the same for a whole wall-clock minute. */
interface PlanFrame {
  service: Service;
  category?: PriorityCategory;
  day: string;
  rule: NumberingRule;
  cutoff: CutoffFrame;
}

/**
 * The frames of the current minute of one catalog, by service and category: every issue used to
 * look up its service, category and numbering rule and rebuild the center's sessions for the
 * cut-off, most of what issuing costs besides its one commit. Forgotten when the minute, the day
 * or the catalog changes.
 */
let frames: { catalog: Catalog; day: string; minute: number; byRequest: Map<string, PlanFrame | Refusal> } | undefined;

function frameFor(catalog: Catalog, request: IssueRequest, at: Date): PlanFrame | Refusal {
  const { day, minutes } = centerWallTime(at);
  const minute = Math.floor(minutes);
  if (!frames || frames.catalog !== catalog || frames.day !== day || frames.minute !== minute) frames = { catalog, day, minute, byRequest: new Map() };
  const key = `${request.serviceId}\u0000${request.categoryId ?? ''}`;
  let frame = frames.byRequest.get(key);
  if (!frame) {
    frame = buildFrame(catalog, request, at, day);
    // bounded by the catalog's services × categories; a hostile id is refused, not remembered
    if (!('ok' in frame)) frames.byRequest.set(key, frame);
  }
  return frame;
}

function buildFrame(catalog: Catalog, request: IssueRequest, at: Date, day: string): PlanFrame | Refusal {
  const service = catalog.services.find((s) => s.id === request.serviceId);
  if (!service) return { ok: false, code: 'SERVICE_UNKNOWN', nextOpeningAt: null };
  let category: PriorityCategory | undefined;
  if (request.categoryId !== undefined) {
    category = catalog.priorityCategories.find((c) => c.id === request.categoryId);
    if (!category) return { ok: false, code: 'QUEUE_PRIORITY_UNKNOWN', nextOpeningAt: null };
  }
  const frame: PlanFrame = { service, day, rule: numberingFor(catalog, service.prefix), cutoff: cutoffFrame(catalog, service, category, at) };
  if (category) frame.category = category;
  return frame;
}

export function planIssue(
  catalog: Catalog,
  request: IssueRequest,
  at: Date,
  waitFor: (service: Service, day: string) => Omit<WaitInput, 'expectedServiceMinutes'>,
): IssuePlan {
  const frame = frameFor(catalog, request, at);
  if ('ok' in frame) return frame;
  const { service, category, day, rule } = frame;
  // waitFor answers a new object each call: completed in place rather than copied
  const input: WaitInput = Object.assign(waitFor(service, day), { expectedServiceMinutes: service.expectedServiceMinutes });
  const estimate = estimateWait(input);
  const verdict = decideCutoff(frame.cutoff, catalog, at, estimate.expectedMinutes);
  if (!verdict.ok) return verdict;
  const plan: IssuePlan = { ok: true, service, kind: verdict.kind, day, rule, estimate };
  if (category) plan.category = category;
  return plan;
}
