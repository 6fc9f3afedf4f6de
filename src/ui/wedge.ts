/**
 * The keyboard-wedge listener of the touchscreen: every keydown goes to the pure WedgeListener
 * (src/core/codes/wedge.ts), which tells a scanner's burst (a whole code at a few ms per key,
 * ended by Enter) from a person typing. Only a burst becomes a scan; a person's keys are left
 * alone for whatever field they type into. Active only on screens that expect a code.
 */
import { useEffect, useRef } from 'preact/hooks';
import { WedgeListener } from '../core/codes/wedge';

export function useWedgeScan(active: boolean, onScan: (text: string) => void): void {
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => {
    if (!active) return;
    const listener = new WedgeListener();
    const onKey = (e: KeyboardEvent) => {
      const verdict = listener.push({ key: e.key, at: e.timeStamp });
      if (verdict?.kind !== 'scan') return;
      // the Enter that ended a scan must not also press a focused button
      e.preventDefault();
      e.stopPropagation();
      latest.current(verdict.text);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active]);
}

/** Keys a person types on a hardware keyboard, for a field that has no OS keyboard (read-only input). */
export function typedKey(e: KeyboardEvent, value: string, max: number): string | undefined {
  if (e.ctrlKey || e.altKey || e.metaKey) return undefined;
  if (e.key === 'Backspace') return value.slice(0, -1);
  if ([...e.key].length === 1) return (value + e.key).slice(0, max);
  return undefined;
}
