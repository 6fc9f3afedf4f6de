/**
 * The counter page: staff choose their counter and call, recall, skip, transfer or complete; visitors'
 * calls for help with a Done button; tickets whose printing a crash left uncertain, to settle.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Board, CenterStaffCall, CounterAction, CounterResponse, FleetResponse, StreamEventType } from '../../contract/sync';
import { centerTime } from '../../core/center-clock-format';
import { api, type PageErrorCode } from './api';
import { ErrorLine, Header, mount, usePage } from './frame';
import { SignOut, StaffGate, useStaff } from './staff-gate';
import { useStream } from './stream';
import { UncertainPanel } from './uncertain';

const BOARD_EVENTS: StreamEventType[] = ['ticket.queued', 'ticket.called', 'ticket.recalled', 'ticket.served', 'ticket.skipped', 'ticket.transferred', 'ticket.voided', 'stream.reset'];
const CALL_EVENTS: StreamEventType[] = ['staff.called', 'staff.acknowledged', 'stream.reset'];
const CHOSEN = 'lobby.center.counter';

function CounterChooser({ board, counterId, onChange }: { board: Board; counterId: string; onChange: (id: string) => void }) {
  const { t, labels, local } = usePage();
  const name = (id: string, fallback: string) => {
    const c = labels?.counters.find((x) => x.id === id);
    return c ? local(c.label) : fallback;
  };
  return (
    <label class="card row">
      <span>{t('counter.choose')}</span>
      <select id="counter" value={counterId} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {board.counters.map((c) => <option key={c.id} value={c.id}>{name(c.id, c.label)}</option>)}
      </select>
    </label>
  );
}

function ServingPanel({ board, counterId, uncertain }: { board: Board; counterId: string; uncertain?: string }) {
  const { t } = usePage();
  const me = board.counters.find((c) => c.id === counterId);
  const checkSheet = !!me?.serving && me.serving === uncertain;
  return (
    <section class="card">
      <div class="label">{t('counter.nowServing')}</div>
      <div class={me?.serving ? 'big' : 'big idle'} id="current">{me?.serving ?? t('counter.nobody')}</div>
      {checkSheet && <p class="hint" id="current-uncertain">{t('counter.uncertainCalled')}</p>}
      <div id="waiting">{t('counter.waiting', { count: me ? (board.waiting[me.counterGroup] ?? 0) : 0 })}</div>
    </section>
  );
}

function ActionsPanel({ board, counterId, act }: { board: Board; counterId: string; act: (a: CounterAction, to?: string) => void }) {
  const { t, labels, local } = usePage();
  const groups = [...new Set(board.counters.map((c) => c.counterGroup))];
  const [to, setTo] = useState(groups[0] ?? '');
  const group = (g: string) => (labels?.groups[g] ? local(labels.groups[g]) : '');
  return (
    <section class="card actions">
      <button id="call-next" disabled={!counterId} onClick={() => act('call-next')}>{t('counter.callNext')}</button>
      <button id="recall" class="secondary" onClick={() => act('recall')}>{t('counter.recall')}</button>
      <button id="skip" class="secondary" onClick={() => act('skip')}>{t('counter.skip')}</button>
      <button id="complete" class="secondary" onClick={() => act('complete')}>{t('counter.complete')}</button>
      <label class="row">
        <span>{t('counter.transferTo')}</span>
        <select id="to" value={to} onChange={(e) => setTo((e.currentTarget as HTMLSelectElement).value)}>
          {groups.map((g) => <option key={g} value={g}>{group(g)}</option>)}
        </select>
        <button id="transfer" class="secondary" onClick={() => act('transfer', to)}>{t('counter.transfer')}</button>
      </label>
    </section>
  );
}

function CallsPanel({ calls, slots, acknowledge }: { calls: CenterStaffCall[]; slots: Map<string, number>; acknowledge: (id: string) => void }) {
  const { t, language } = usePage();
  const reason = (r: string) => t(`counter.reason.${r === 'printer-failed' || r === 'help' ? r : 'other'}`);
  return (
    <section class="card">
      <h2>{t('counter.callsTitle')}</h2>
      <div id="calls" aria-live="polite">
        {calls.length === 0 && <p>{t('counter.noCalls')}</p>}
        {calls.map((c) => (
          <div class="call" key={c.callId}>
            {c.ticketDisplay && <b class="number">{c.ticketDisplay}</b>}
            <span>{t('counter.callLine', {
              time: centerTime(c.calledAt, language), robot: t('counter.robot', { slot: slots.get(c.robotId) ?? '' }).trim(),
              reason: reason(c.reason), language: t(`languages.${c.language}`, { defaultValue: '' }),
            })}</span>
            <button class="secondary" data-ack={c.callId} onClick={() => acknowledge(c.callId)}>{t('counter.done')}</button>
          </div>
        ))}
      </div>
    </section>
  );
}

function CounterDesk({ signedOut }: { signedOut: () => void }) {
  const { failed } = useStaff();
  const [board, setBoard] = useState<Board>();
  const [calls, setCalls] = useState<CenterStaffCall[]>([]);
  const [slots, setSlots] = useState(new Map<string, number>());
  const [counterId, setCounterId] = useState(localStorage.getItem(CHOSEN) ?? '');
  const [error, setError] = useState<PageErrorCode>();
  // the number just called, when the robot crashed while printing it: staff check the visitor's sheet
  const [uncertain, setUncertain] = useState<{ ticketId: string; display: string }>();
  // the stream starts after the first board's last event: nothing between the two is missed
  const [after, setAfter] = useState<number>();
  const refresh = useCallback(() => api<Board>('/v1/board').then((b) => {
    setBoard(b);
    setAfter((a) => a ?? b.lastEventId);
  }, (e) => setError(failed(e))), [failed]);
  const refreshCalls = useCallback(() => api<{ calls: CenterStaffCall[] }>('/v1/staff-calls').then((r) => setCalls(r.calls), (e) => setError(failed(e))), [failed]);
  useEffect(() => {
    void refresh();
    void refreshCalls();
    api<FleetResponse>('/v1/fleet').then((f) => setSlots(new Map(f.robots.map((r) => [r.robotId, r.robotSlot]))), () => undefined);
  }, [refresh, refreshCalls]);
  // one stream per page: the board's events refresh the board, staff calls the calls (a reset both)
  const online = useStream([...BOARD_EVENTS, 'staff.called', 'staff.acknowledged'], after, (e) => {
    if (BOARD_EVENTS.includes(e.type)) void refresh();
    if (CALL_EVENTS.includes(e.type)) void refreshCalls();
  });
  if (!board) return <ErrorLine code={error} />;
  const chosen = board.counters.some((c) => c.id === counterId) ? counterId : (board.counters[0]?.id ?? '');
  const group = board.counters.find((c) => c.id === chosen)?.counterGroup;
  const act = async (action: CounterAction, to?: string) => {
    setError(undefined);
    try {
      const r = await api<CounterResponse>(`/v1/counters/${encodeURIComponent(chosen)}/${action}`, { method: 'POST', body: action === 'transfer' ? { toCounterGroup: to } : {} });
      if (action === 'call-next') setUncertain(r.current?.printUncertain ? r.current : undefined);
    } catch (e) {
      setError(failed(e));
    }
    await refresh();
  };
  const acknowledge = (id: string) => void api(`/v1/staff-calls/${encodeURIComponent(id)}/acknowledge`, { method: 'POST', body: {} }).catch((e) => setError(failed(e))).then(refreshCalls);
  const choose = (id: string) => {
    localStorage.setItem(CHOSEN, id);
    setCounterId(id);
  };
  return (
    <>
      <div class="session"><SignOut onDone={signedOut} /></div>
      <CounterChooser board={board} counterId={chosen} onChange={choose} />
      <ServingPanel board={board} counterId={chosen} uncertain={uncertain?.display} />
      <ActionsPanel board={board} counterId={chosen} act={(a, to) => void act(a, to)} />
      <div id="msg" role="status"><ErrorLine code={online ? error : 'OFFLINE'} /></div>
      <CallsPanel calls={calls} slots={slots} acknowledge={acknowledge} />
      {group && <UncertainPanel counterGroup={group} board={board} setError={setError} settled={(id) => setUncertain((u) => (u?.ticketId === id ? undefined : u))} />}
    </>
  );
}

function CounterPage() {
  const { t } = usePage();
  return (
    <>
      <Header title={t('counter.title')} />
      <main class="page"><StaffGate>{(signedOut) => <CounterDesk signedOut={signedOut} />}</StaffGate></main>
    </>
  );
}

mount(CounterPage);
