/**
 * The robot's internal events, made first so that every part can be built from what exists
 * before it: a part announces (a scan, a microphone level, "my status changed", an event for the
 * touchscreen) and whoever needs it subscribes once it exists. The touchscreen's socket server
 * is the last part made; it connects here and carries UI events from then on (no page can be
 * connected before it exists, so nothing is lost).
 */
import type { EventData, EventType } from '../../contract';
import type { ServiceAudioSample } from '../../contract/service';

export interface UiSink {
  broadcast<T extends EventType>(event: T, data: EventData<T>): void;
  sendToSession<T extends EventType>(session: string, event: T, data: EventData<T>): void;
}

export interface RobotEvents extends UiSink {
  /** A part's status changed: the health report is pushed to the touchscreen. */
  statusChanged(): void;
  onStatusChanged(listener: () => void): () => void;
  scanned(e: EventData<'code.scanned'>): void;
  onScanned(listener: (e: EventData<'code.scanned'>) => void): () => void;
  audioSample(s: ServiceAudioSample): void;
  onAudioSample(listener: (s: ServiceAudioSample) => void): () => void;
  /** The touchscreen's socket server: UI events go to its pages from now on. */
  connectUi(sink: UiSink): () => void;
}

/** The listeners of one kind of event. */
function topic<A extends unknown[]>() {
  const listeners = new Set<(...args: A) => void>();
  return {
    emit: (...args: A) => listeners.forEach((l) => l(...args)),
    on: (l: (...args: A) => void) => (listeners.add(l), () => void listeners.delete(l)),
  };
}

export function createRobotEvents(): RobotEvents {
  const status = topic<[]>();
  const scans = topic<[EventData<'code.scanned'>]>();
  const audio = topic<[ServiceAudioSample]>();
  let ui: UiSink | null = null;
  return {
    broadcast: (event, data) => ui?.broadcast(event, data),
    sendToSession: (session, event, data) => ui?.sendToSession(session, event, data),
    statusChanged: () => status.emit(),
    onStatusChanged: status.on,
    scanned: (e) => scans.emit(e),
    onScanned: scans.on,
    audioSample: (s) => audio.emit(s),
    onAudioSample: audio.on,
    connectUi(sink) {
      ui = sink;
      return () => void (ui === sink && (ui = null));
    },
  };
}
