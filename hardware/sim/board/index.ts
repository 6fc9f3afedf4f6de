/**
 * Starts the simulated motor/LED board (see avr-board-worker.js) and gives tests, the bench and
 * `npm start` a handle on it: its tty path, its input pins, and what its output pins do.
 *
 * Why a worker_thread: the AVR loop is CPU-bound (about 2× real time on this machine). In the
 * controller's thread it would starve johnny-five's serial I/O and timers, and the measurements
 * would be about the simulator's scheduling, not the controller's. A worker gets its own core and
 * event loop while sharing the process, so start-up is fast, no separate program has to be
 * located and compiled, and the main thread reads pin measurements synchronously through a
 * SharedArrayBuffer. (A child process would isolate crashes better, but needs the same JS file
 * plus an IPC hop for every reading; the firmware itself cannot crash the host either way.)
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface SimulatedBoardOptions {
  /** Where the pty link appears, e.g. /tmp/lobby-board (the controller opens this path). */
  linkPath: string;
  /** Simulated time per wall time; Infinity (default) runs as fast as the CPU allows. */
  speed?: number;
  /** The firmware to run; the committed StandardFirmata by default. */
  hexPath?: string;
  /** Simulated ms between looks at the pty (default 2; the motion bench uses 0.5). */
  sliceMs?: number;
}

export interface SimulatedBoard {
  /** The tty the controller opens (the link path). */
  readonly path: string;
  /** Drives an input pin (PIR, e-stop); resolves with the simulated time (µs) it took effect. */
  setInput(pin: number, level: boolean): Promise<number>;
  /** Width of the last high pulse on a pin in µs, 0 when no pulse ended in the last 60 ms. */
  pulseWidthUs(pin: number): number;
  /** Simulated µs at which the pulse width on this pin last changed (0: never). */
  pulseChangedAtUs(pin: number): number;
  /** Fraction of time high over the last PWM period, 0..1 (steady level when not switching). */
  pwmDuty(pin: number): number;
  /** Simulated time since the last power-up, µs. */
  simTimeUs(): number;
  /** How many times the board has powered up. */
  boots(): number;
  /** The firmware stops running (a crash or brown-out) while the tty stays: nothing answers. */
  hang(): Promise<void>;
  /** USB unplugged: the tty vanishes and the board is off. */
  unplug(): Promise<void>;
  /** USB plugged back in: the board boots again behind a new pty at the same link path. */
  replug(): Promise<void>;
  close(): Promise<void>;
}

const HEADER = 4;
const PIN_COUNT = 20;
const PIN_STRIDE = 8;
const F = { level: 0, riseUs: 1, fallUs: 2, highUs: 3, periodUs: 4, widthChangedUs: 5, pulses: 6, lowUs: 7 } as const;
/** Hardware PWM on an Uno runs at 490 or 980 Hz: a phase longer than this is a steady level. */
const PWM_MAX_PHASE_US = 5000;
const NO_PULSE_AFTER_US = 60_000;

/** Finds a file shipped in the repository from the source tree (jest) or from dist/ (npm start). */
export function locateRepoFile(relative: string): string {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot find ${relative} above ${__dirname}`);
}

export const FIRMWARE_HEX = 'hardware/firmware/StandardFirmata.cpp.hex';

type Message = Record<string, unknown>;

/** The worker and the requests to it that still wait for their reply. */
interface WorkerLink {
  call(msg: Message): Promise<Message>;
  isClosed(): boolean;
}

function spawnBoardWorker(sab: SharedArrayBuffer, linkPath: string, options: SimulatedBoardOptions): Worker {
  return new Worker(locateRepoFile('hardware/sim/board/avr-board-worker.js'), {
    workerData: {
      shared: sab,
      hexPath: options.hexPath ?? locateRepoFile(FIRMWARE_HEX),
      linkPath,
      speed: options.speed ?? Infinity,
      sliceMs: options.sliceMs ?? 2,
      socatPath: 'socat',
    },
  });
}

/** Resolves once the worker reports it started, and from then on pairs each reply with its request. */
async function linkToWorker(worker: Worker): Promise<WorkerLink> {
  let nextId = 1;
  const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  let exited = false;

  await new Promise<void>((resolveStart, rejectStart) => {
    worker.on('message', (msg: Message) => {
      if (msg.type === 'started') resolveStart();
      else if (msg.type === 'start-failed') rejectStart(new Error(`simulated board did not start: ${String(msg.error)}`));
      else if (msg.type === 'reply') {
        const waiter = pending.get(msg.id as number);
        pending.delete(msg.id as number);
        if (msg.ok) waiter?.resolve(msg);
        else waiter?.reject(new Error(String(msg.error)));
      } else if (msg.type === 'bridge-exit') {
        console.error(`simulated board: socat exited unexpectedly (${String(msg.code)}): ${String(msg.stderr)}`);
      }
    });
    worker.on('error', (e) => rejectStart(e));
    worker.on('exit', () => {
      exited = true;
      for (const w of pending.values()) w.reject(new Error('simulated board worker exited'));
      pending.clear();
      rejectStart(new Error('simulated board worker exited during start'));
    });
  });

  return {
    isClosed: () => exited,
    call(msg) {
      if (exited) return Promise.reject(new Error('simulated board is closed'));
      const id = nextId++;
      return new Promise((res, rej) => {
        pending.set(id, { resolve: res, reject: rej });
        worker.postMessage({ ...msg, id });
      });
    },
  };
}

/** The pin measurements the worker publishes in shared memory, read synchronously. */
function pinReader(shared: Float64Array): Pick<SimulatedBoard, 'pulseWidthUs' | 'pulseChangedAtUs' | 'pwmDuty' | 'simTimeUs' | 'boots'> & { check(pin: number): void } {
  const field = (pin: number, f: number): number => {
    if (!Number.isInteger(pin) || pin < 0 || pin >= PIN_COUNT) throw new RangeError(`no pin ${pin} on the board`);
    return shared[HEADER + pin * PIN_STRIDE + f]!;
  };
  const now = (): number => shared[0]!;
  return {
    check: (pin) => void field(pin, 0),
    pulseWidthUs(pin) {
      const fall = field(pin, F.fallUs);
      if (field(pin, F.pulses) === 0 || now() - fall > NO_PULSE_AFTER_US) return 0;
      return field(pin, F.highUs);
    },
    pulseChangedAtUs: (pin) => field(pin, F.widthChangedUs),
    pwmDuty(pin) {
      // duty of the last complete high + low phases, if the pin is switching right now
      const high = field(pin, F.highUs);
      const low = field(pin, F.lowUs);
      const lastEdge = Math.max(field(pin, F.riseUs), field(pin, F.fallUs));
      const switching = now() - lastEdge < PWM_MAX_PHASE_US && high > 0 && low > 0 && high < PWM_MAX_PHASE_US && low < PWM_MAX_PHASE_US;
      return switching ? high / (high + low) : field(pin, F.level);
    },
    simTimeUs: now,
    boots: () => shared[1]!,
  };
}

export async function startSimulatedBoard(options: SimulatedBoardOptions): Promise<SimulatedBoard> {
  const linkPath = resolve(options.linkPath);
  mkdirSync(dirname(linkPath), { recursive: true });
  const sab = new SharedArrayBuffer(8 * (HEADER + PIN_COUNT * PIN_STRIDE));
  const worker = spawnBoardWorker(sab, linkPath, options);
  const link = await linkToWorker(worker);
  const { check, ...pins } = pinReader(new Float64Array(sab));

  return {
    path: linkPath,
    async setInput(pin, level) {
      check(pin);
      const reply = await link.call({ type: 'input', pin, level });
      return reply.simUs as number;
    },
    ...pins,
    hang: async () => { await link.call({ type: 'hang' }); },
    unplug: async () => { await link.call({ type: 'unplug' }); },
    replug: async () => { await link.call({ type: 'replug' }); },
    async close() {
      if (link.isClosed()) return;
      await link.call({ type: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
