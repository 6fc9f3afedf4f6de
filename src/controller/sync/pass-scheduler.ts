/**
 * Runs sync passes one at a time. A pass asked for while one runs (a caller, the loop started
 * during the first pass, a kick) runs after it, and those asked for together share that one: two
 * passes at once would send the same outbox rows and lease requests twice and race on the link
 * state. The loop waits `delay(ok)` between passes; a kick cuts the wait short, and a kick that
 * comes during a pass makes the next one start without waiting.
 */
export interface PassScheduler<T> {
  /** One pass, after the running one if there is one. */
  run(): Promise<T>;
  /** Starts the loop (once). */
  start(): void;
  /** Wakes the loop now (a ticket was just issued). */
  kick(): void;
  /** Ends the loop; resolves once its last pass is over. */
  stop(): Promise<void>;
}

export interface PassSchedulerOptions<T> {
  pass: () => Promise<T>;
  /** The wait before the loop's next pass, after one that succeeded or failed. */
  delay: (ok: boolean) => number;
  /** After each successful pass of the loop while it runs (e.g. open the stream). */
  afterSuccess?: () => void;
}

/** One pass at a time: a pass asked for while one runs runs after it, shared by all who asked meanwhile. */
export function oneAtATime<T>(pass: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const begin = (): Promise<T> => {
    const current = pass();
    running = current;
    const clear = () => void (running === current && (running = null));
    current.then(clear, clear);
    return current;
  };
  return () => {
    if (queued) return queued;
    if (!running) return begin();
    const after = running.then(() => undefined, () => undefined);
    queued = after.then(() => {
      queued = null;
      return begin();
    });
    return queued;
  };
}

export function createPassScheduler<T>(opts: PassSchedulerOptions<T>): PassScheduler<T> {
  const run = oneAtATime(opts.pass);
  let active = false;
  let kicked = false;
  let wake: (() => void) | null = null;
  let loopDone: Promise<void> = Promise.resolve();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async (): Promise<void> => {
    while (active) {
      kicked = false;
      const ok = await run().then(() => true, () => false);
      if (ok && active) opts.afterSuccess?.();
      if (!active) break;
      if (!kicked) await wait(opts.delay(ok));
      wake = null;
    }
  };

  return {
    run,
    start() {
      if (active) return;
      active = true;
      loopDone = loop();
    },
    kick() {
      kicked = true;
      wake?.();
    },
    async stop() {
      active = false;
      wake?.();
      await loopDone;
    },
  };
}
