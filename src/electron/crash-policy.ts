export interface CrashPolicyOptions {
  maxReloads: number;
  windowMs: number;
}

export const RENDERER_CRASH_POLICY: CrashPolicyOptions = { maxReloads: 3, windowMs: 60_000 };

export type CrashDecision = 'reload' | 'fallback';

/**
 * At most `maxReloads` reloads in any rolling `windowMs` after the renderer dies; beyond that a
 * page that crashes on load would loop forever, so the shell shows a static fallback page.
 */
export class RendererCrashPolicy {
  private reloadTimes: number[] = [];

  constructor(private readonly options: CrashPolicyOptions = RENDERER_CRASH_POLICY) {}

  onCrash(now: number): CrashDecision {
    this.reloadTimes = this.reloadTimes.filter((t) => now - t < this.options.windowMs);
    if (this.reloadTimes.length >= this.options.maxReloads) return 'fallback';
    this.reloadTimes.push(now);
    return 'reload';
  }
}
