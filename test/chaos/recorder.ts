/**
 * What a chaos (or soak) run did and which invariants it checked. Every invariant is recorded with
 * its outcome and detail; `violations()` is what the jest test and the command-line runner assert.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ScenarioReport {
  scenario: string;
  actions: string[];
  invariants: Invariant[];
  ms: number;
}

export class Recorder {
  readonly actions: string[] = [];
  readonly invariants: Invariant[] = [];
  private readonly started = Date.now();

  constructor(readonly scenario: string) {}

  did(action: string): void {
    this.actions.push(action);
  }

  check(name: string, ok: boolean, detail = ''): boolean {
    this.invariants.push({ name, ok, detail });
    return ok;
  }

  /** Runs a step that must not throw; a throw is recorded as a violated invariant instead of ending the run. */
  async holds(name: string, step: () => Promise<string | void>): Promise<boolean> {
    try {
      const detail = await step();
      return this.check(name, true, detail ?? '');
    } catch (e) {
      return this.check(name, false, (e as Error).message.slice(0, 2000));
    }
  }

  violations(): Invariant[] {
    return this.invariants.filter((i) => !i.ok);
  }

  report(): ScenarioReport {
    return { scenario: this.scenario, actions: [...this.actions], invariants: [...this.invariants], ms: Date.now() - this.started };
  }
}

/** Plain text for a person: what was done, then each invariant with ✔ or ✘. */
export function formatReport(r: ScenarioReport): string {
  const lines = [`## ${r.scenario} (${(r.ms / 1000).toFixed(1)} s)`, ...r.actions.map((a) => `  did: ${a}`)];
  for (const i of r.invariants) lines.push(`  ${i.ok ? 'ok  ' : 'FAIL'} ${i.name}${i.detail ? ` — ${i.detail}` : ''}`);
  return lines.join('\n');
}

/** Finds the repository root from here, in the sources (jest) and in a bundle under dist/. */
export function repoRoot(from = __dirname): string {
  for (let dir = from, i = 0; i < 8; i++, dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'chaos'))) return dir;
  }
  throw new Error(`cannot find the repository above ${from}`);
}

/** Runs a command-line main and exits with its code (1 on a throw): for the chaos, soak and bench runners. */
export function exitWith(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
