/**
 * The controller's store SIGKILLed in a loop while issuing: the store crash test's child (the
 * production store issuing, printing, voiding, syncing) killed at random instants, the file's
 * invariants checked after every kill.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killLane, prepareCrashRig } from '../../integration/store/crash-runner';
import type { Catalog } from '../../../src/contract';
import { checkCallable, describeCallable, type Callability } from '../callable';
import { Recorder, repoRoot } from '../recorder';
import type { ChaosOptions } from './options';

export async function killLoop(opts: ChaosOptions): Promise<Recorder> {
  const r = new Recorder('controller store SIGKILLed in a loop while issuing');
  const kills = opts.short ? 12 : 200;
  const lanes = opts.short ? 2 : 4;
  const dir = mkdtempSync(join(tmpdir(), 'chaos-kill-'));
  try {
    const rig = await prepareCrashRig(repoRoot(), dir);
    const start = Date.now();
    r.did(`${lanes} robots' store files, each killed ${Math.ceil(kills / lanes)} times at random instants (during recovery or 1–6 tickets in, +0–4 ms)`);
    let totals = { kills: 0, rounds: 0, acknowledged: 0, tickets: 0, voided: 0 };
    await r.holds('after every kill: integrity_check ok, no number twice, every acknowledged ticket present, every used number explained, the center hears of every ticket', async () => {
      const results = await Promise.all(Array.from({ length: lanes }, (_, i) => killLane(rig, i + 1, Math.ceil(kills / lanes), start)));
      totals = results.reduce((a, l) => ({ kills: a.kills + l.kills, rounds: a.rounds + l.rounds, acknowledged: a.acknowledged + l.acknowledged, tickets: a.tickets + l.tickets, voided: a.voided + l.voided }), totals);
      return `${totals.kills} kills checked`;
    });
    r.did(`${totals.rounds} runs, ${totals.tickets} tickets, ${totals.acknowledged} acknowledged, ${totals.voided} voided numbers`);
    r.check(`at least ${kills} kills landed after start-up`, totals.kills >= kills, `${totals.kills}`);
    r.check('the runs did real work between kills (more acknowledged tickets than kills)', totals.acknowledged > totals.kills, `${totals.acknowledged} acknowledged`);
    // issue 16: after the next start, every ticket whose sheet may exist is callable at the center
    const catalog = JSON.parse(readFileSync(rig.catalogJson, 'utf8')) as Catalog;
    const lanesChecked: Callability[] = [];
    for (let i = 1; i <= lanes; i++) lanesChecked.push(await checkCallable(join(dir, `robot-${i}.sqlite`), catalog, 'robot-crash'));
    const sum: Callability = lanesChecked.reduce((a, c) => ({ mayExist: a.mayExist + c.mayExist, printed: a.printed + c.printed, uncertain: a.uncertain + c.uncertain, callable: a.callable + c.callable, uncallable: [...a.uncallable, ...c.uncallable] }));
    r.check('no ticket whose sheet may exist is left uncallable (printed or print uncertain: waiting at the center after the next start)', sum.uncallable.length === 0 && sum.mayExist > 0, describeCallable(sum));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return r;
}
