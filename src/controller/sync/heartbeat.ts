/**
 * The heartbeat: device health, outbox length, robot time and the crash-report summary. It is due
 * every `heartbeatMs`, on the first pass, and on a quiet pass after `probeMs`, so "online" on the
 * screen is never stale for long. Its answer carries the catalog ETag (./catalog-refresh.ts).
 */
import { CrashReportSummary, HeartbeatResponse } from '../../contract/sync';
import { refreshCatalog } from './catalog-refresh';
import type { SyncContext } from './sync-context';

/** Whether this pass sends one; `quiet` is a pass that has sent nothing so far. */
export function heartbeatDue(ctx: SyncContext, quiet: boolean): boolean {
  const since = ctx.now() - ctx.link.lastHeartbeatAt;
  const probe = quiet && since >= (ctx.options.probeMs ?? 5000);
  return ctx.link.lastHeartbeatAt === 0 || since >= (ctx.options.heartbeatMs ?? 30_000) || probe;
}

export async function heartbeat(ctx: SyncContext, token: string): Promise<void> {
  const { options } = ctx;
  const h = options.health?.() ?? { parts: {}, uptimeSeconds: Math.round(process.uptime()) };
  const r = await ctx.http.request('POST', '/v1/heartbeat', HeartbeatResponse, {
    body: { version: options.version, uptimeSeconds: h.uptimeSeconds, parts: h.parts, outboxLength: options.outbox.pendingCount(), robotTime: ctx.now(), ...crashSummary(ctx) },
    token,
  });
  ctx.link.lastHeartbeatAt = ctx.now();
  await refreshCatalog(ctx, token, r.body!.catalogEtag);
}

/** Never lets a crash folder it cannot read, or a summary out of bounds, cost the heartbeat. */
function crashSummary(ctx: SyncContext): { crashReports?: CrashReportSummary } {
  if (!ctx.options.crashReports) return {};
  try {
    const summary = CrashReportSummary.safeParse(ctx.options.crashReports());
    if (summary.success) return { crashReports: summary.data };
    ctx.log.warn({ issues: summary.error.issues.length }, 'crash report summary out of bounds; heartbeat sent without it');
  } catch (e) {
    ctx.log.warn({ err: e instanceof Error ? e.name : typeof e }, 'crash reports could not be listed');
  }
  return {};
}
