/**
 * The motion board unplugged and plugged back in while citizens keep tapping: StandardFirmata in
 * avr8js behind a pty (the simulated board), reached through johnny-five by the real controller.
 * Tickets must go on printing while the board is gone (motion is not on the ticket path), the
 * health report must say so, and motion must come back by itself.
 */
import { join } from 'node:path';
import { startSimulatedBoard } from '../../../hardware/sim/board';
import { startVirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { tempDir } from '../../support/robot-process';
import { MONDAY_0800, startRig, waitUntil } from '../controller-rig';
import { Recorder } from '../recorder';
import type { ChaosOptions } from './options';

export async function boardUnplug(opts: ChaosOptions): Promise<Recorder> {
  const r = new Recorder('board unplugged and replugged');
  const dir = tempDir('lobby-chaos-board-');
  const board = await startSimulatedBoard({ linkPath: join(dir, 'lobby-board') });
  const printer = await startVirtualPrinter();
  const clock = { t: MONDAY_0800 + 3600_000 };
  const rig = await startRig({ clock, printerPort: printer.port, boardPath: board.path, dataDir: dir });
  const motionState = () => rig.controller.health().devices.motion?.state;
  const cycles = opts.short ? 1 : 3;
  const perCycle = opts.short ? 2 : 5;
  try {
    const readyMs = await waitUntil('motion ok at start', () => motionState() === 'ok', 40_000).catch((e: Error) => (r.check('motion ready at start', false, e.message), -1));
    if (readyMs < 0) return r;
    r.did(`board ready through johnny-five in ${readyMs} ms`);
    for (let c = 1; c <= cycles; c++) {
      await board.unplug();
      r.did(`cycle ${c}: USB unplugged (the tty vanished)`);
      const seen = await waitUntil('motion reported down', () => motionState() !== 'ok', 5000).then(() => true, () => false);
      r.check(`cycle ${c}: the health report shows motion down within 5 s`, seen, String(motionState()));
      const replies = [];
      for (let i = 0; i < perCycle; i++) {
        clock.t += 20_000;
        replies.push(await rig.issue());
      }
      const printed = replies.filter((x) => x.result?.printed === true).length;
      r.did(`cycle ${c}: ${perCycle} taps while unplugged`);
      r.check(`cycle ${c}: every ticket issued while unplugged was printed`, printed === perCycle, `${printed}/${perCycle}`);
      const boots = board.boots();
      await board.replug();
      r.did(`cycle ${c}: plugged back in (boot ${boots + 1})`);
      const back = await waitUntil('motion ok again', () => motionState() === 'ok', 30_000).then((ms) => ms, () => -1);
      r.check(`cycle ${c}: motion ok again by itself after replug`, back >= 0, back >= 0 ? `${back} ms` : String(motionState()));
      if (back >= 0) {
        const moved = await rig.controller.motion.setLight({ r: 0, g: 50, b: 0 }).then(() => true, () => false);
        // the first command may race the e-stop input report after boot: retry briefly
        const ok = moved || (await waitUntil('a motion command accepted', () => rig.controller.motion.setLight({ r: 0, g: 50, b: 0 }).then(() => true, () => false), 5000).then(() => true, () => false));
        r.check(`cycle ${c}: the board takes commands again`, ok);
      }
    }
    const status = await rig.command('status.get');
    r.check('the controller answered throughout and still answers', status.ok === true);
  } finally {
    await rig.close();
    await board.close();
    await printer.close();
  }
  return r;
}
