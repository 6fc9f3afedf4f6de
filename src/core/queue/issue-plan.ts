/**
 * Everything decided before a number is taken: which service and category, which business day,
 * the wait estimate and the cut-off verdict. The store then takes the number in one transaction.
 */
import type { Catalog, ErrorCode, NumberingRule, PriorityCategory, Service } from '../../contract';
import { businessDay } from '../business-day';
import { checkCutoff, type TicketKind } from './cutoff';
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

export function planIssue(
  catalog: Catalog,
  request: IssueRequest,
  at: Date,
  waitFor: (service: Service) => Omit<WaitInput, 'expectedServiceMinutes'>,
): IssuePlan {
  const service = catalog.services.find((s) => s.id === request.serviceId);
  if (!service) return { ok: false, code: 'SERVICE_UNKNOWN', nextOpeningAt: null };
  let category: PriorityCategory | undefined;
  if (request.categoryId !== undefined) {
    category = catalog.priorityCategories.find((c) => c.id === request.categoryId);
    if (!category) return { ok: false, code: 'QUEUE_PRIORITY_UNKNOWN', nextOpeningAt: null };
  }
  const estimate = estimateWait({ ...waitFor(service), expectedServiceMinutes: service.expectedServiceMinutes });
  const verdict = checkCutoff({ catalog, service, category, expectedWaitMinutes: estimate.expectedMinutes, at });
  if (!verdict.ok) return verdict;
  const plan = { ok: true as const, service, kind: verdict.kind, day: businessDay(at), rule: numberingFor(catalog, service.prefix), estimate };
  return category ? { ...plan, category } : plan;
}
