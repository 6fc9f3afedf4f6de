/**
 * The short form of `npm run chaos` inside `npm test`: every scenario once, with fewer kills,
 * taps and cycles (scenarios marked full-only are listed with their reason and run by
 * `npm run chaos`). Each scenario's invariants are asserted; every report is printed.
 */
import { formatReport } from '../../chaos/recorder';
import { SCENARIOS } from '../../chaos/scenarios';

const short = SCENARIOS.filter((s) => !s.fullOnly);
for (const s of SCENARIOS.filter((x) => x.fullOnly)) console.error(`chaos short form leaves out ${s.id}: ${s.fullOnly} (npm run chaos runs it)`);

describe('chaos, short form', () => {
  it.each(short.map((s) => [s.id, s] as const))('%s: every invariant holds', async (_id, scenario) => {
    const report = (await scenario.run({ short: true })).report();
    // CI logs show what each run did and checked, as `npm run chaos` prints it
    console.error(formatReport(report));
    // a scenario that checked nothing proves nothing
    expect(report.invariants.length).toBeGreaterThan(2);
    expect({ violated: report.invariants.filter((i) => !i.ok), report: formatReport(report) }).toMatchObject({ violated: [] });
  }, 60_000);
});
