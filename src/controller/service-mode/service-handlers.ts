/**
 * The service commands, grouped by what the technician is doing: the session, the settings, the
 * devices, and the reports. Every handler but login runs through `guarded`, which checks the session
 * token first and audits under the technician's name.
 */
import { existsSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_PROTOCOL_VERSION, CodedError, isCodedError } from '../../contract';
import type { ServiceSettingKey } from '../../contract/service';
import type { Logger } from '../log';
import { VERSION } from '../version';
import { bundleFilename, secretFreeJson } from './bundle';
import type { ServiceHandlers } from './create-service-mode';
import { hashPin } from './pin';
import type { ServiceParts } from './service-parts';
import { changedDocument, getPath, savedValues, SETTING_APPLY, withSection } from './settings';
import { dayStats } from './stats';
import { listUncertain, settleUncertain } from './uncertain-tickets';

/** What the PIN pad accepts at login: the same rule for a new PIN. */
const PIN_FORMAT = /^\d{4,12}$/;

const PATHS: Record<ServiceSettingKey, string[]> = {
  'printer.density': ['printer', 'density'],
  'printer.cut': ['printer', 'cut'],
  'service.inactivitySeconds': ['service', 'inactivitySeconds'],
  'screen.idleSeconds': ['screen', 'idleSeconds'],
  defaultLanguage: ['defaultLanguage'],
};

type Handlers<K extends keyof ServiceHandlers> = Pick<ServiceHandlers, K>;

export function sessionHandlers({ deps, live, restartPending, login, sessions, guarded }: ServiceParts): Handlers<'service.login' | 'service.logout' | 'service.ping' | 'service.overview'> {
  return {
    'service.login': ({ pin, via }) => login.login(pin, via),
    'service.logout': guarded('service.logout', () => (sessions.end('logout'), {})),
    'service.ping': guarded('service.ping', () => ({ inactivitySeconds: live.config.service.inactivitySeconds })),
    'service.overview': guarded('service.overview', () => ({
      health: deps.health(),
      versions: { app: VERSION, api: String(API_PROTOCOL_VERSION), node: process.versions.node, ...(process.versions.electron ? { electron: process.versions.electron } : {}) },
      disk: diskOf(live.config.dataDir),
      sync: deps.sync?.()?.status() ?? { state: 'disabled', adapter: 'none' },
      audio: deps.voice?.()?.status() ?? { state: 'disabled', adapter: 'none' },
      restartPending: [...restartPending],
      defaultPinInUse: !live.config.service.pinHash && live.config.profile === 'simulator',
    })),
  };
}

/** Saves one setting to the config file; a live one takes effect now, the others at the next start. */
function setSetting(parts: ServiceParts, key: ServiceSettingKey, value: unknown, actor: string): { applied: 'live' | 'restart'; persisted: boolean } {
  const { live, doc, printer, restartPending, audit } = parts;
  const config = live.config;
  const path = PATHS[key];
  const current = withSection(doc.read(), key, config);
  const old = getPath(config as unknown as Record<string, unknown>, path) ?? null;
  const next = changedDocument(current, path, value);
  const persisted = doc.write(next.doc);
  const applied = SETTING_APPLY[key];
  if (applied === 'live') {
    live.config = { ...config, printer: next.config.printer, service: { ...next.config.service, pinHash: config.service.pinHash } };
    if (key.startsWith('printer.')) printer.setConfig(live.config.printer);
  } else restartPending.add(key);
  audit.record(actor, 'service.settings.set', { key, old, new: value, applied, persisted });
  return { applied, persisted };
}

export function settingsHandlers(parts: ServiceParts): Handlers<'service.settings.set' | 'service.settings.get' | 'service.pin.change'> {
  const { live, doc, restartPending, audit, guarded } = parts;
  return {
    'service.settings.set': guarded('service.settings.set', ({ key, value }, s) => setSetting(parts, key, value, s.actor)),
    'service.settings.get': guarded('service.settings.get', () => ({ values: savedValues(doc.read(), live.config, PATHS), restartPending: [...restartPending] })),
    'service.pin.change': guarded('service.pin.change', async ({ pin }, s) => {
      if (!PIN_FORMAT.test(pin)) throw new CodedError('SERVICE_PIN_FORMAT', 'a PIN is 4 to 12 digits');
      const hash = await hashPin(pin);
      const next = changedDocument(doc.read(), ['service', 'pinHash'], hash);
      const persisted = doc.write(next.doc);
      live.config = { ...live.config, service: { ...live.config.service, pinHash: hash } };
      audit.record(s.actor, 'service.pin.change', { old: '[secret]', new: '[secret]', persisted });
      return { persisted };
    }),
  };
}

type DeviceCommand = 'service.printer.get' | 'service.printer.testPage' | 'service.printer.preview' | 'service.audio.speakerTest'
  | 'service.board.get' | 'service.board.move' | 'service.board.calibrate' | 'service.board.light' | 'service.board.behaviour' | 'service.board.stop';

export function deviceHandlers({ deps, printer, board, guarded }: ServiceParts): Handlers<DeviceCommand> {
  return {
    'service.printer.get': guarded('service.printer.get', () => printer.info()),
    'service.printer.testPage': guarded('service.printer.testPage', async (_p, _s, rec) => {
      try {
        await printer.testPage();
        rec('service.printer.testPage', { new: 'printed' });
        return { printed: true };
      } catch (e) {
        const code = isCodedError(e) ? e.code : 'INTERNAL_ERROR';
        rec('service.printer.testPage', { new: 'failed', error: code });
        return { printed: false, error: code };
      }
    }),
    'service.printer.preview': guarded('service.printer.preview', () => printer.preview()),
    'service.board.get': guarded('service.board.get', () => board.view()),
    'service.board.move': guarded('service.board.move', async ({ servo, angle }, _s, rec) => (await board.move(servo, angle, rec), {})),
    'service.board.calibrate': guarded('service.board.calibrate', ({ servo, calibration }, _s, rec) => board.calibrate(servo, calibration, rec)),
    'service.board.light': guarded('service.board.light', async ({ colour }, _s, rec) => (await board.light(colour, rec), {})),
    'service.board.behaviour': guarded('service.board.behaviour', async ({ name }, _s, rec) => (await board.behaviour(name, rec), {})),
    'service.board.stop': guarded('service.board.stop', (_p, _s, rec) => (board.stop(rec), {})),
    'service.audio.speakerTest': guarded('service.audio.speakerTest', async ({ language }, _s, rec) => {
      const voice = deps.voice?.();
      if (!voice) throw new CodedError('SERVICE_NOT_AVAILABLE', 'no voice module');
      await voice.speakTest(language);
      rec('service.audio.speakerTest', { new: language });
      return {};
    }),
  };
}

/** Every secret the support bundle must not contain: API token, PIN hash, device token, center keys. */
function secrets({ deps, live }: ServiceParts): string[] {
  const config = live.config;
  return [...(deps.secrets?.() ?? []), ...(config.service.pinHash ? [config.service.pinHash] : []), ...(deps.sync?.()?.secrets?.() ?? []), ...config.codes.centerPublicKeys];
}

/** The support bundle: config, health, logs, audit and the day's numbers, with every secret masked. */
function supportBundle(parts: ServiceParts, at: Date): string {
  const { deps, live, doc, audit } = parts;
  return secretFreeJson(
    {
      bundle: { robotId: live.config.robotId, createdAt: at.toISOString(), version: VERSION },
      config: doc.read(),
      health: deps.health(),
      motionProfile: deps.motion.profile,
      logs: deps.logRing?.recent(500) ?? [],
      errorsByCode: deps.logRing?.byCode() ?? [],
      audit: audit.recent(200),
      stats: dayStats(deps.store.businessDay(), deps.store.ticketTimesOfDay(deps.store.businessDay())),
    },
    secrets(parts),
  );
}

type ReportCommand = 'service.network.get' | 'service.logs.get' | 'service.logs.export' | 'service.stats.get' | 'service.tickets.uncertain' | 'service.tickets.settle';

export function reportHandlers(parts: ServiceParts): Handlers<ReportCommand> {
  const { deps, live, audit, guarded } = parts;
  return {
    'service.network.get': guarded('service.network.get', () => {
      const sync = deps.sync?.();
      const st = sync?.state();
      return {
        centerUrl: sync?.centerUrl ?? null,
        enrolment: st?.enrolment ?? 'no-sync',
        online: st?.online ?? false,
        outboxLength: st?.outboxLength ?? deps.store.pendingCount(),
        auditOutboxLength: audit.pendingCount(),
        lastSyncAt: st?.lastSyncAt ? new Date(st.lastSyncAt).toISOString() : null,
        lastErrorCode: st?.lastErrorCode ?? null,
      };
    }),
    'service.logs.get': guarded('service.logs.get', () => ({ byCode: deps.logRing?.byCode() ?? [], recent: deps.logRing?.recent(200) ?? [], audit: audit.recent(100) })),
    'service.logs.export': guarded('service.logs.export', (_p, _s, rec) => {
      const at = deps.now();
      const content = supportBundle(parts, at);
      const filename = bundleFilename(live.config.robotId, at);
      const savedTo = saveToStick(live.config.service.exportDir, filename, content, deps.log);
      rec('service.logs.export', { new: filename, bytes: content.length, savedTo });
      return { filename, content, savedTo };
    }),
    'service.stats.get': guarded('service.stats.get', () => dayStats(deps.store.businessDay(), deps.store.ticketTimesOfDay(deps.store.businessDay()))),
    'service.tickets.uncertain': guarded('service.tickets.uncertain', () => listUncertain(deps.store)),
    'service.tickets.settle': guarded('service.tickets.settle', ({ ticketId, outcome }, s, rec) => {
      const out = settleUncertain(deps.store, ticketId, outcome, `service:${s.actor}`);
      rec('service.tickets.settle', { ticket: out.ticket.display, old: 'print-uncertain', new: outcome });
      return out;
    }),
  };
}

/** Writes the bundle to the mounted USB stick, if there is one; a failure leaves the download. */
function saveToStick(dir: string | undefined, filename: string, content: string, log: Logger): string | null {
  if (!dir || !existsSync(dir)) return null;
  try {
    const path = join(dir, filename);
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  } catch (e) {
    log.warn({ code: 'SERVICE_EXPORT_FAILED', err: (e as Error).message }, 'support bundle not written to the USB stick');
    return null;
  }
}

function diskOf(dir: string): { freeBytes: number; totalBytes: number } | null {
  try {
    const s = statfsSync(dir);
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    return null;
  }
}
