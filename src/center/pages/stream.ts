/** The center's event stream (Server-Sent Events) as a hook; EventSource reconnects by itself. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StreamEvent, StreamEventType } from '../../contract/sync';
import { inBranch } from './api';

/**
 * Calls `onEvent` for each event of `types` after event id `after` (the board's lastEventId, so
 * nothing between the fetch and the subscription is missed), or from now on ('live'); undefined =
 * not yet. Returns whether the stream is connected.
 */
export function useStream(types: readonly StreamEventType[], after: number | 'live' | undefined, onEvent: (e: StreamEvent) => void): boolean {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [open, setOpen] = useState(true);
  const key = types.join(',');
  useEffect(() => {
    if (after === undefined) return;
    const es = new EventSource(inBranch(after === 'live' ? '/v1/stream' : `/v1/stream?after=${after}`));
    const listener = (m: MessageEvent<string>) => handler.current(JSON.parse(m.data) as StreamEvent);
    for (const type of key.split(',')) es.addEventListener(type, listener);
    es.onopen = () => setOpen(true);
    es.onerror = () => setOpen(es.readyState === EventSource.OPEN);
    return () => es.close();
  }, [key, after]);
  return open;
}
