import type { TFunction } from 'i18next';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Catalog, Language, LobbyStatus } from '../contract';
import { centerPhase, nextOpening, sessionsOn } from '../core/queue/opening-hours';
import type { ApiClient, ConnectionState } from './api-client';
import { Icon } from './components/icon';
import { centerTime, formatNextOpening } from './format';

/** What the top band shows on every screen; null before the catalog has arrived. */
export interface Lobby {
  t: TFunction;
  language: Language;
  catalog: Catalog;
  status: LobbyStatus | undefined;
  /** The robot's clock now (ms), ticking each second from its last answer. */
  nowMs: number;
}

export const LobbyContext = createContext<Lobby | null>(null);

const POLL_MS = 15_000;

/** Polls the controller's lobby.get and keeps a clock that ticks between answers. */
export function useLobbyStatus(api: ApiClient, connection: ConnectionState): { status: LobbyStatus | undefined; nowMs: number } {
  const [status, setStatus] = useState<LobbyStatus | undefined>();
  const [offset, setOffset] = useState(0);
  const [tick, setTick] = useState(Date.now());
  useEffect(() => {
    if (connection !== 'open') return;
    const ask = () =>
      api.call('lobby.get', {}).then((s) => {
        setStatus(s);
        setOffset(Date.parse(s.now) - Date.now());
      }, () => undefined);
    void ask();
    const poll = setInterval(ask, POLL_MS);
    return () => clearInterval(poll);
  }, [api, connection]);
  useEffect(() => {
    const second = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(second);
  }, []);
  return { status, nowMs: tick + offset };
}

const hhmm = (at: Date, language: Language) => centerTime(at.toISOString(), language);
const minutesText = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** "Open now, until 17:00" / "Closed: opens 07:30, Monday…", and today's sessions. */
function openingLine(lobby: Lobby): { open: boolean; line: string; hours: string } {
  const { t, catalog, language } = lobby;
  const at = new Date(lobby.nowMs);
  const phase = centerPhase(catalog, at);
  const sessions = sessionsOn(catalog, phase.day);
  const hours = sessions.length ? t('lobby.hoursToday', { hours: sessions.map((s) => `${minutesText(s.start)}–${minutesText(s.end)}`).join(', ') }) : t('lobby.closedToday');
  if (phase.phase === 'open') return { open: true, line: t('lobby.openUntil', { time: hhmm(phase.closesAt, language) }), hours };
  if (phase.phase === 'lunch') return { open: false, line: t('lobby.lunch', { time: hhmm(phase.reopensAt, language) }), hours };
  const next = nextOpening(catalog, at);
  return { open: false, line: next ? t('lobby.closedUntil', { when: formatNextOpening(next.toISOString(), language) }) : t('lobby.closedToday'), hours };
}

/**
 * The ward's name and emblem, the time, today's hours and whether the center is open, who is
 * being served and how many wait: read before any tap. `full` on idle and home, one line elsewhere.
 */
export function LobbyBand({ full }: { full: boolean }) {
  const lobby = useContext(LobbyContext);
  if (!lobby) return null;
  const { t, catalog, language, status } = lobby;
  const { open, line, hours } = openingLine(lobby);
  const serving = catalog.counters.filter((c) => status?.nowServing[c.id]);
  const fields = catalog.fields
    .map((f) => {
      const groups = new Set(catalog.services.filter((s) => s.fieldId === f.id).map((s) => s.counterGroup));
      const waiting = [...groups].reduce((n, g) => n + (status?.waiting[g] ?? 0), 0);
      return { f, waiting };
    })
    .filter((x) => status?.online && x.waiting > 0);
  return (
    <section class={full ? 'lobby-band full' : 'lobby-band'} aria-label={t('lobby.label')}>
      <div class="lobby-id">
        <span class="emblem" aria-hidden="true">
          <Icon name="emblem" size="100%" />
        </span>
        <p class="center-name">{catalog.centerName[language]}</p>
        <p class="clock" data-testid="clock">
          {hhmm(new Date(lobby.nowMs), language)}
        </p>
      </div>
      <p class={open ? 'open-status open' : 'open-status closed'} data-testid="center-status" data-open={String(open)}>
        <Icon name={open ? 'clock' : 'closed'} />
        <span>{line}</span>
        {full && <span class="hours">{hours}</span>}
      </p>
      {full && (serving.length > 0 || fields.length > 0) && (
        <div class="lobby-queue">
          {serving.length > 0 && (
            <ul class="serving" aria-label={t('lobby.serving')}>
              <li class="queue-label">{t('lobby.serving')}</li>
              {serving.map((c) => (
                <li class="serving-chip" data-counter={c.id}>
                  <span>{c.labels?.[language] ?? c.label}</span> <b>{status!.nowServing[c.id]}</b>
                </li>
              ))}
            </ul>
          )}
          {fields.length > 0 && (
            <ul class="waiting" aria-label={t('lobby.waiting')}>
              <li class="queue-label">{t('lobby.waiting')}</li>
              {fields.map(({ f, waiting }) => (
                <li class="waiting-chip" data-waiting-field={f.id}>
                  <Icon name={f.id} /> <span>{f.name[language]}</span> <b>{waiting}</b>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
