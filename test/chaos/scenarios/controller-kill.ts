/**
 * The real controller process SIGKILLed in a loop while citizens tap: `lobby-robot start
 * --no-window` (controller only, printer over TCP to a virtual printer here) is killed at a random
 * instant after a few answered taps, started again on the same data folder, and so on. Its clock
 * starts at the same Monday morning on every start, so each restart is also a clock set back.
 * After every kill the store file must pass the crash test's invariants; at the end every sheet of
 * paper must name a ticket the store knows and had committed as printing.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startVirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { bigCatalog, startAloneController } from '../../../bench/controller-process';
import { checkCallable, describeCallable } from '../callable';
import { crashInvariantProblems } from '../../integration/store/crash-invariants';
import { qrOnPaper } from '../../support/paper-qr';
import { tempDir } from '../../support/robot-process';
import { openApi, request } from '../../support/ws-client';
import { Recorder } from '../recorder';
import type { ChaosOptions } from './options';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

export async function controllerKill(opts: ChaosOptions): Promise<Recorder> {
  const r = new Recorder('controller process SIGKILLed in a loop while issuing');
  const kills = opts.short ? 2 : 50;
  const printer = await startVirtualPrinter();
  const dataDir = tempDir('lobby-chaos-kill-');
  const file = join(dataDir, 'robot.sqlite');
  const acknowledged = new Set<string>();
  let violations = 0;
  try {
    for (let k = 1; k <= kills; k++) {
      const robot = await startAloneController(printer, dataDir);
      const { ws } = await openApi(robot.url, { token: robot.token });
      const killAfter = 1 + Math.floor(Math.random() * 4);
      let answered = 0;
      let seq = 0;
      // two taps in flight at a time, so the kill can land inside a commit or a print
      const lane = async () => {
        while (robot.child.exitCode === null && robot.child.signalCode === null) {
          const id = `k${k}-${++seq}`;
          const reply = await Promise.race([
            request(ws!, { v: 1, id, type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'vi', categoryId: 'elderly' } }, id),
            robot.exited.then(() => null),
          ]);
          if (!reply) return;
          const ticket = (reply.result as { ticket?: { id: string } } | undefined)?.ticket;
          if (ticket) acknowledged.add(ticket.id);
          if (++answered === killAfter) setTimeout(() => robot.child.kill('SIGKILL'), Math.random() * 40);
        }
      };
      await Promise.all([lane(), lane()]);
      ws!.close();
      await robot.exited;
      const db = new Database(file);
      try {
        const problems = crashInvariantProblems(db, acknowledged);
        if (problems.length) violations++;
        if (problems.length) r.check(`after kill ${k}: store invariants`, false, problems.join('; '));
      } finally {
        db.close();
      }
    }
    r.did(`${kills} starts of lobby-robot on one data folder, each SIGKILLed 1–4 answered taps in (+0–40 ms), two taps in flight`);
    r.check('after every kill: integrity_check ok, no number twice, every acknowledged ticket present, every used number explained, the center hears of every ticket', violations === 0, `${kills} kills, ${acknowledged.size} acknowledged tickets`);
    const db = new Database(file, { readonly: true });
    const states = new Map((db.prepare('SELECT id, state, print_attempts FROM tickets').all() as { id: string; state: string; print_attempts: number }[]).map((t) => [t.id, t]));
    db.close();
    const sheets = printer.jobs.map((j) => qrOnPaper(j.png)?.match(UUID)?.[0]);
    // a kill in the middle of sending a ticket tears the sheet as a real printer would: the paper
    // stops where the bytes stopped, with no cut and no whole QR. Every other sheet must name a
    // ticket the store knows.
    const cut = printer.jobs.map((j) => j.text.includes('[cut'));
    const torn = sheets.filter((id, i) => !id && !cut[i]).length;
    const unknown = sheets.filter((id, i) => (id ? !states.has(id) : cut[i]));
    r.check('a sheet is torn only by a kill: at most one per kill', torn <= kills, `${torn} torn, ${kills} kills`);
    r.check('every whole sheet of paper names a ticket the store knows (QR read back)', unknown.length === 0,
      `${sheets.length} sheets (${torn} torn by a kill mid-send), ${unknown.length} unknown ${JSON.stringify(unknown.map((id) => id ?? 'a cut sheet without a readable QR'))}`);
    const early = sheets.filter((id) => id && (states.get(id)?.print_attempts ?? 0) === 0);
    r.check('no sheet for a ticket whose printing was never committed', early.length === 0, `${early.length}`);
    r.check('the runs did real work (a ticket acknowledged before every kill)', acknowledged.size >= kills, `${acknowledged.size}`);
    // issue 16: every sheet on the paper, and every ticket printed or print-uncertain, is callable after the next start
    const callable = await checkCallable(file, bigCatalog(), 'bench-robot', sheets.filter((id): id is string => !!id));
    r.check('no ticket whose sheet may exist is left uncallable (every sheet read back, printed or print uncertain: waiting at the center)', callable.uncallable.length === 0, describeCallable(callable));
  } finally {
    await printer.close();
  }
  return r;
}
