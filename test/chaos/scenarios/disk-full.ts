/**
 * The SQLite disk full: the store's connection is capped (PRAGMA max_page_count, through the
 * controller's onStoreOpen test hook) a few pages above its size, so SQLite answers SQLITE_FULL
 * exactly as on a full disk, on any machine and without root. New tickets must be refused with
 * STORE_DISK_FULL, the controller must stay up, the file must stay intact with every ticket it
 * acknowledged, and issuing must resume once space is back.
 */
import { startVirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { MONDAY_0800, duplicateNumbers, startRig } from '../controller-rig';
import { Recorder } from '../recorder';
import type { ChaosOptions } from './options';
import { connectionOf } from '../../../src/controller/store/connection';

/** SQLite's own ceiling: lifting the cap gives the disk back. */
const NO_CAP = 1_073_741_823;

export async function diskFull(opts: ChaosOptions): Promise<Recorder> {
  const r = new Recorder('SQLite disk full');
  const printer = await startVirtualPrinter();
  const clock = { t: MONDAY_0800 + 3600_000 };
  const rig = await startRig({ clock, printerPort: printer.port });
  const db = connectionOf(rig.store);
  const acknowledged: string[] = [];
  const tap = async () => {
    clock.t += 10_000;
    const reply = await rig.issue();
    if (reply.result) acknowledged.push(reply.result.ticket.id);
    return reply;
  };
  try {
    for (let i = 0; i < 2; i++) await tap();
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + (opts.short ? 2 : 6)}`);
    r.did(`2 tickets issued, then the file capped at ${pages} + ${opts.short ? 2 : 6} pages`);
    let refusal: string | undefined;
    let taps = 0;
    while (!refusal && taps < 500) {
      taps++;
      const reply = await tap();
      if (!reply.ok) refusal = reply.error?.code;
    }
    r.did(`${taps} taps until the first refusal (${acknowledged.length} tickets in all before it)`);
    r.check('the refusal says STORE_DISK_FULL', refusal === 'STORE_DISK_FULL', String(refusal));
    const again = await tap();
    r.check('a second tap on a full disk is refused the same way', again.error?.code === 'STORE_DISK_FULL', JSON.stringify(again.error ?? again.result?.ticket.display));
    const status = await rig.command('status.get');
    r.check('the controller stays up and answers', status.ok === true);
    const health = await fetch(new URL('healthz', rig.controller.url)).then((x) => x.status, () => 0);
    r.check('/healthz still answers', health === 200, String(health));
    r.check('integrity_check ok on the full file', rig.store.integrityCheck() === 'ok', rig.store.integrityCheck());

    const tickets = rig.store.ticketsOfDay(rig.store.businessDay());
    const ids = new Set(tickets.map((t) => t.id));
    const lost = acknowledged.filter((id) => !ids.has(id));
    r.check('every acknowledged ticket is in the store', lost.length === 0, `${acknowledged.length} acknowledged, ${lost.length} missing`);
    r.check('no number used twice', duplicateNumbers(tickets).length === 0);
    // a refusal after the number was committed leaves the ticket unprinted: never paper the store does not know
    r.check('no more paper than tickets the store knows', printer.jobs.length <= tickets.length, `${printer.jobs.length} sheets, ${tickets.length} tickets`);

    db.pragma(`max_page_count = ${NO_CAP}`);
    r.did('space given back (cap lifted)');
    const after = await tap();
    r.check('issuing resumes and prints once there is space', after.result?.printed === true, JSON.stringify(after.error ?? after.result?.ticket.state));
  } finally {
    await rig.close();
    await printer.close();
  }
  return r;
}
