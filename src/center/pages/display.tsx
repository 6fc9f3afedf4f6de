/**
 * The lobby display: now serving per counter, the latest calls, and each call announced aloud in
 * the center's own voice (a WAV from the center: Vietnamese, then the ticket's language). A wall
 * TV plays it without a click when its browser runs with --autoplay-policy=no-user-gesture-required.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Board, StreamEvent, StreamEventType } from '../../contract/sync';
import { DEFAULT_LANGUAGE } from '../../contract/version';
import { api, codeOf, inBranch, type PageErrorCode } from './api';
import { ErrorLine, Header, mount, usePage } from './frame';
import { useStream } from './stream';

const CALLS: StreamEventType[] = ['ticket.called', 'ticket.recalled'];
const CHANGES: StreamEventType[] = ['ticket.queued', 'ticket.served', 'ticket.skipped', 'ticket.transferred', 'ticket.voided', 'stream.reset'];

interface Call {
  eventId: number;
  display: string;
  counterId: string;
}

function useCounterName() {
  const { labels, local } = usePage();
  return (id: string, fallback = '') => {
    const c = labels?.counters.find((x) => x.id === id);
    return c ? local(c.label) : fallback;
  };
}

function CountersGrid({ board, flash }: { board: Board; flash: string | undefined }) {
  const { t, labels, local } = usePage();
  const counterName = useCounterName();
  return (
    <div class="grid" id="counters">
      {board.counters.map((c) => (
        <div key={c.id} class={`card counter-card${c.id === flash ? ' flash' : ''}`}>
          <div class="label">{counterName(c.id, c.label)}</div>
          <div class="big">{c.serving ?? '—'}</div>
          <div>{labels?.groups[c.counterGroup] ? local(labels.groups[c.counterGroup]!) : ''}</div>
          <div class="label">{t('display.waiting', { count: board.waiting[c.counterGroup] ?? 0 })}</div>
        </div>
      ))}
    </div>
  );
}

function LatestCalls({ calls }: { calls: Call[] }) {
  const { t } = usePage();
  const counterName = useCounterName();
  return (
    <section class="card latest">
      <h2>{t('display.latest')}</h2>
      {calls.length === 0 ? <p>{t('display.noneYet')}</p> : (
        <ol id="latest">{calls.map((c) => <li key={c.eventId}>{t('display.calledLine', { number: c.display, counter: counterName(c.counterId) })}</li>)}</ol>
      )}
    </section>
  );
}

/** Plays the announcements one after the other: a second call waits for the first to finish. */
function Announcer({ queue, done }: { queue: string[]; done: () => void }) {
  const audio = useRef<HTMLAudioElement>(null);
  const src = queue[0];
  useEffect(() => {
    const el = audio.current;
    if (!el || !src) return;
    el.src = src;
    // a browser that still forbids autoplay leaves it unplayed; the screen shows the call all the same
    el.play().catch(done);
  }, [src, done]);
  return <audio id="announcer" ref={audio} preload="auto" onEnded={done} onError={done} />;
}

function DisplayPage() {
  const { t } = usePage();
  const [board, setBoard] = useState<Board>();
  const [after, setAfter] = useState<number>();
  const [calls, setCalls] = useState<Call[]>([]);
  const [flash, setFlash] = useState<string>();
  const [queue, setQueue] = useState<string[]>([]);
  const [error, setError] = useState<PageErrorCode>();
  const refresh = useCallback(() => api<Board>('/v1/board').then((b) => {
    setBoard(b);
    setAfter((a) => a ?? b.lastEventId);
    setError(undefined);
  }, (e) => setError(codeOf(e))), []);
  useEffect(() => void refresh(), [refresh]);
  const onCall = (e: StreamEvent) => {
    const { ticketId, display, counterId } = e.data;
    if (!ticketId || !display || !counterId) return;
    setCalls((list) => [{ eventId: e.id, display, counterId }, ...list].slice(0, 8));
    setFlash(counterId);
    setQueue((q) => [...q, inBranch(`/v1/announcements/${encodeURIComponent(ticketId)}?call=${e.id}`)].slice(-5));
    void refresh();
  };
  const online = useStream([...CALLS, ...CHANGES], after, (e) => (CALLS.includes(e.type) ? onCall(e) : void refresh()));
  const done = useCallback(() => setQueue((q) => q.slice(1)), []);
  return (
    <div class="display">
      <Header title={t('display.title')} />
      <main class="page">
        <ErrorLine code={online ? error : 'OFFLINE'} />
        {board && <CountersGrid board={board} flash={flash} />}
        <LatestCalls calls={calls} />
        <Announcer queue={queue} done={done} />
      </main>
    </div>
  );
}

// a wall display speaks to the whole lobby: Vietnamese unless someone chose otherwise on it
mount(DisplayPage, () => DEFAULT_LANGUAGE);
