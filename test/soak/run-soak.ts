/**
 * `npm run soak`: a whole simulated day (08:00–17:00, 2 robots, counters calling, SOAK_TICKETS
 * tickets, 2,000 by default) at accelerated time. Prints an hourly line, the summary and every
 * invariant; exits 1 when one is violated.
 */
import { exitWith, formatReport } from '../chaos/recorder';
import { soakDay } from './soak-day';

async function main(): Promise<number> {
  const tickets = Number(process.env.SOAK_TICKETS ?? process.argv[2] ?? 2000);
  const started = Date.now();
  process.stdout.write(`soak: simulated day with ${tickets} tickets\n`);
  const { recorder, lines } = await soakDay({ tickets, progress: (l) => process.stdout.write(`  ${l}\n`) });
  process.stdout.write(`\n${formatReport(recorder.report())}\n${lines.at(-1)}\n`);
  const violated = recorder.violations();
  process.stdout.write(`\nsoak: ${recorder.invariants.length} invariants checked, ${violated.length} violated, ${((Date.now() - started) / 1000).toFixed(0)} s wall\n`);
  return violated.length ? 1 : 0;
}

exitWith(main);
