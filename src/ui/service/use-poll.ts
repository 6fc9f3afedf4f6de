import { useEffect, useState } from 'preact/hooks';

/** Loads now and every `everyMs`; a failure goes to onError and the last value stays. */
export function usePoll<T>(load: () => Promise<T>, everyMs: number, onError: (e: unknown) => void, deps: unknown[] = []): [T | undefined, () => void] {
  const [value, setValue] = useState<T | undefined>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    const run = () => load().then((v) => alive && setValue(v), (e: unknown) => alive && onError(e));
    run();
    const timer = everyMs > 0 ? setInterval(run, everyMs) : undefined;
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [tick, everyMs, ...deps]);
  return [value, () => setTick((n) => n + 1)];
}
