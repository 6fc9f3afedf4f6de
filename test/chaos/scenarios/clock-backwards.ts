/**
 * The clock jumping backwards (NTP correction, a dead RTC battery): the controller's wall clock is
 * set back an hour, then back into the previous day, then forward again while citizens tap. The
 * store's clock guard must keep the business day, never give a time earlier than one it acted on,
 * never reuse a number, and record each jump in the audit trail.
 */
import { startVirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { businessDay } from '../../../src/core/business-day';
import { MONDAY_0800, duplicateNumbers, startRig, type IssueReply } from '../controller-rig';
import { Recorder } from '../recorder';
import type { ChaosOptions } from './options';

export async function clockBackwards(opts: ChaosOptions): Promise<Recorder> {
  const r = new Recorder('clock jumping backwards');
  const printer = await startVirtualPrinter();
  const clock = { t: MONDAY_0800 + 2 * 3600_000 };
  const monday = businessDay(new Date(clock.t));
  const rig = await startRig({ clock, printerPort: printer.port });
  const perStep = opts.short ? 2 : 6;
  const replies: IssueReply[] = [];
  const burst = async () => {
    for (let i = 0; i < perStep; i++) {
      clock.t += 20_000;
      replies.push(await rig.issue());
    }
  };
  const jumps: [string, number][] = [
    ['back 1 hour', -3600_000],
    ['back 20 hours (into Sunday, the center closed)', -20 * 3600_000],
    ['forward 21 hours + 30 min (to the right time, a little later)', 21.5 * 3600_000],
    ['back 5 minutes', -5 * 60_000],
  ];
  try {
    await burst();
    r.did(`${perStep} tickets at ${new Date(clock.t).toISOString()}`);
    for (const [label, delta] of jumps.slice(0, opts.short ? 2 : jumps.length)) {
      clock.t += delta;
      await burst();
      r.did(`clock ${label}, then ${perStep} tickets`);
    }
    const refused = replies.filter((x) => !x.ok);
    r.check('every tap got a printed ticket (the jump did not close the center or break issuing)', refused.length === 0 && replies.every((x) => x.result?.printed), refused.map((x) => x.error?.code).join(', '));
    const tickets = replies.flatMap((x) => (x.result ? [x.result.ticket] : []));
    r.check('every ticket belongs to the business day the store had already reached', tickets.every((t) => t.day === monday), [...new Set(tickets.map((t) => t.day))].join(', '));
    const times = tickets.map((t) => Date.parse(t.issuedAt));
    r.check('issue times never go backwards', times.every((t, i) => i === 0 || t >= times[i - 1]!), times.map((t) => new Date(t).toISOString().slice(11, 19)).join(' '));
    r.check('no number used twice', duplicateNumbers(tickets).length === 0, tickets.map((t) => t.display).join(' '));
    const numbers = tickets.map((t) => t.number);
    r.check('numbers keep rising in issue order', numbers.every((n, i) => i === 0 || n > numbers[i - 1]!), numbers.join(' '));
    const audit = rig.store.recentAudit(500).filter((a) => a.action === 'clock.backward-jump');
    const backwards = jumps.slice(0, opts.short ? 2 : jumps.length).filter(([, d]) => d < -120_000).length;
    r.check('each backward jump is in the audit trail, once', audit.length === backwards, `${audit.length} recorded, ${backwards} made`);
    r.check('integrity_check ok', rig.store.integrityCheck() === 'ok');
  } finally {
    await rig.close();
    await printer.close();
  }
  return r;
}
