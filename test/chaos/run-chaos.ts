/**
 * `npm run chaos`: every scenario in its full form (or `--short`, what `npm test` runs; or a
 * subset by id), each printing what it did and every invariant it checked. Exits 1 when any
 * invariant is violated. Bundled by esbuild, like the benches.
 */
import { exitWith, formatReport, type ScenarioReport } from './recorder';
import { SCENARIOS } from './scenarios';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const short = args.includes('--short');
  const only = args.filter((a) => !a.startsWith('--'));
  const unknown = only.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length) {
    process.stderr.write(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}\n`);
    return 64;
  }
  const reports: ScenarioReport[] = [];
  for (const s of SCENARIOS.filter((x) => !only.length || only.includes(x.id))) {
    if (short && s.fullOnly && !only.includes(s.id)) {
      process.stdout.write(`\n${s.id}: full form only (${s.fullOnly})\n`);
      continue;
    }
    process.stdout.write(`\nrunning ${s.id} (${short ? 'short' : 'full'})...\n`);
    let report: ScenarioReport;
    try {
      report = (await s.run({ short })).report();
    } catch (e) {
      report = { scenario: s.id, actions: [], invariants: [{ name: 'the scenario ran to its end', ok: false, detail: (e as Error).stack ?? String(e) }], ms: 0 };
    }
    reports.push(report);
    process.stdout.write(`${formatReport(report)}\n`);
  }
  const checked = reports.reduce((n, r) => n + r.invariants.length, 0);
  const failed = reports.flatMap((r) => r.invariants.filter((i) => !i.ok).map((i) => `${r.scenario}: ${i.name}`));
  process.stdout.write(`\nchaos ${short ? 'short' : 'full'}: ${reports.length} scenarios, ${checked} invariants checked, ${failed.length} violated\n`);
  for (const f of failed) process.stdout.write(`  VIOLATED ${f}\n`);
  return failed.length ? 1 : 0;
}

exitWith(main);
