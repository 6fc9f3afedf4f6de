import { join, resolve } from 'node:path';
import type { VirtualPrinter } from '../simulators';
import { loadSimulators } from '../load-simulators';
import { ConfigError, EXIT_CONFIG, loadConfig, type LoadedConfig } from '../../controller/config/load';
import { pruneCrashReports, recordFatalErrors } from '../../controller/crash-reports';
import { createLogger } from '../../controller/log';
import { VERSION } from '../../controller/version';
import { LogRing } from '../../controller/service-mode/log-ring';
import pino from 'pino';
import { startController, type Controller } from '../../controller/main';
import type { Logger } from '../../controller/log';
import { probeDataDir, startupError, startupStep } from '../../controller/startup-error';
import { Teardown } from '../../controller/teardown';
import { CENTER_DB_FILE } from '../../center/storage/sqlite';
import { APPOINTMENT_KEY_FILE } from '../../center/appointment-signing';
import { centerMode } from '../../controller/config/schema';
import { pointTicketsAtEmbeddedCenter, startEmbeddedCenter, trustEmbeddedCenter } from '../embedded-center';
import { centerDatabaseSubjects } from './center';
import { printerProfile } from '../../controller/devices/printer/profiles';
import { parseOptions, parsePort, UsageError } from '../args';
import type { CliIo } from '../io';
import { startMotionSimulator } from '../motion-simulator';
import { electronBinary, openWindow } from '../open-window';
import { spawn } from 'node:child_process';
import { isWellFormedToken } from '../../controller/api/auth';
import { CONTROLLER_TOKEN_ENV } from '../../contract/shell-controller';

const BUILT_IN = 'simulator profile (built in)';

/** How long shutdown may take before the process gives up and exits non-zero. */
const SHUTDOWN_LIMIT_MS = 5000;

/** dist/cli.js sits beside dist/ui; from the sources, the built UI is still dist/ui. */
export function defaultUiDir(): string {
  return __filename.endsWith('cli.js') ? join(__dirname, 'ui') : resolve(__dirname, '../../../dist/ui');
}

/**
 * `lobby-robot start`: composes the simulators (simulator profile), the controller and the window,
 * then runs until SIGTERM/SIGINT, when devices are closed and the store flushed within 5 s.
 */
export async function start(args: string[], io: CliIo): Promise<number> {
  const read = readStartConfig(args, io);
  if (typeof read === 'number') return read;
  const { opts, loaded } = read;
  const { config } = loaded;
  // warnings and errors are also kept for service mode's logs panel
  const logRing = new LogRing();
  const log = createLogger(config.logLevel, logRing.tee(pino.destination({ fd: 1, sync: true })));
  if (loaded.migration.applied.length) log.info(loaded.migration, 'configuration migrated in memory; write it back with the new version at leisure');

  const electron = opts.values['no-window'] ? undefined : electronBinary();
  if (electron) {
    // the Electron shell supervises: it starts this same command with --no-window as a utilityProcess
    log.info({ electron }, 'opening the Electron kiosk window; the shell starts the controller');
    return runElectronShell(electron, { ...io.env, LOBBY_ROBOT_CONFIG: loaded.source === BUILT_IN ? '' : loaded.source, LOBBY_ROBOT_PORT: String(config.controller.port), LOBBY_ROBOT_DATA: config.dataDir });
  }
  log.info({ source: loaded.source, profile: config.profile, dataDir: config.dataDir }, 'starting lobby-robot');
  // an uncaught exception leaves <dataDir>/crashes/fatal-*.json for the next heartbeat; old reports are pruned
  recordFatalErrors(config.dataDir, { version: VERSION });

  // every part opened is closed in reverse order, after a failed start as on SIGTERM
  const opened = new Teardown();
  let controller: Controller;
  try {
    controller = await openParts(loaded, io, log, logRing, opened);
  } catch (e) {
    const failure = startupError(e, { dir: config.dataDir });
    log.error({ code: failure.code, subject: failure.subject, err: failure.message }, 'start-up failed');
    await withinLimit(opened.closeAll((part, err) => log.info({ part, ...(err ? { err: String(err) } : {}) }, 'closed after a failed start')));
    io.stderr(failure.line());
    return 1;
  }
  announceReady(controller, Boolean(opts.values['no-window']), io, log);
  closeOnSignals(opened, log);
  return -1;
}

type StartOptions = ReturnType<typeof parseStartOptions>;

function parseStartOptions(args: string[]) {
  const opts = parseOptions(args, { config: { type: 'string' }, port: { type: 'string' }, data: { type: 'string' }, 'no-window': { type: 'boolean' } });
  if (opts.positionals.length) throw new UsageError(`unexpected argument "${opts.positionals[0]}"`);
  return opts;
}

/** The options and the configuration, or the exit code after telling the person what is wrong. */
function readStartConfig(args: string[], io: CliIo): { opts: StartOptions; loaded: LoadedConfig } | number {
  let opts;
  try {
    opts = parseStartOptions(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${e.message}\nusage: lobby-robot start [--config FILE] [--port N] [--data DIR] [--no-window]`);
    return 64;
  }
  let loaded;
  try {
    loaded = loadConfig({ file: opts.values.config, env: io.env, cwd: io.cwd, overrides: { port: parsePort(opts.values.port), dataDir: opts.values.data } });
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError) {
      io.stderr(`lobby-robot: ${e.message}`);
      return e instanceof ConfigError ? EXIT_CONFIG : 64;
    }
    throw e;
  }
  const token = io.env[CONTROLLER_TOKEN_ENV] ?? '';
  if (token !== '' && !isWellFormedToken(token)) {
    // a shell handing in a broken token would otherwise open a page the controller refuses
    io.stderr(`lobby-robot: invalid configuration: ${CONTROLLER_TOKEN_ENV}: expected 64 lower-case hex characters (a per-boot token), got ${io.env[CONTROLLER_TOKEN_ENV]?.length ?? 0} characters`);
    return EXIT_CONFIG;
  }
  return { opts, loaded };
}

/** Tells the Electron shell (if any) that the controller is up, and opens or names the page. */
function announceReady(controller: Controller, noWindow: boolean, io: CliIo, log: Logger): void {
  // Electron's shell runs us as a utilityProcess and waits for this message
  const parentPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void } }).parentPort;
  parentPort?.postMessage({ type: 'ready', url: controller.url });

  const pageUrl = `${controller.url}#token=${controller.token}`;
  if (!noWindow) openWindow(pageUrl, io, log);
  // no window and no shell to open one: the operator opens the page, which needs the token
  else if (!parentPort) log.info({ open: pageUrl }, 'no window opened (--no-window): open this URL on the touchscreen');
}

/** SIGTERM/SIGINT close every opened part in reverse order, or exit non-zero after 5 s. */
function closeOnSignals(opened: Teardown, log: Logger): void {
  const stop = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error('shutdown took longer than 5 s; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    await opened.closeAll((part, err) => err && log.warn({ part, err: String(err) }, 'part did not close cleanly'));
    process.exit(0);
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));
}

/** The simulators (simulator profile), the embedded center and the controller, each named if it fails. */
async function openParts(loaded: LoadedConfig, io: CliIo, log: Logger, logRing: LogRing, opened: Teardown): Promise<Controller> {
  const { config, catalog } = loaded;
  await startupStep({ dir: config.dataDir }, () => (probeDataDir(config.dataDir), pruneCrashReports(config.dataDir)));
  let printerSim: VirtualPrinter | undefined;
  if (config.printer.adapter === 'simulator') {
    const outputDir = resolve(io.cwd, config.printer.outputDir ?? join(config.dataDir, 'printer'));
    const widthDots = config.printer.widthDots ?? printerProfile(config.printer.profile).widthDots;
    const sim = await startupStep({ dir: outputDir }, () => loadSimulators().startVirtualPrinter({ outputDir, widthDots }));
    opened.add('virtual printer', () => sim.close());
    sim.events.on('job', (job) => log.info({ bytes: job.bytes.length, png: job.pngPath }, 'virtual printer printed a ticket'));
    log.info({ port: sim.port, outputDir }, 'virtual printer listening on loopback; decoded tickets are written as PNG');
    printerSim = sim;
  }

  const motionSim = await startupStep({ dir: config.dataDir }, () => startMotionSimulator(config.motion, config.dataDir, log));
  if (motionSim) opened.add('motion simulator', () => motionSim.close());
  const centerDir = join(config.dataDir, 'center');
  const centerStep = {
    dir: centerDir,
    sqlite: { file: join(centerDir, CENTER_DB_FILE), corrupt: 'STARTUP_CENTER_STORE_CORRUPT' as const },
    files: { STARTUP_SIGNING_KEY_INVALID: join(centerDir, APPOINTMENT_KEY_FILE), ...centerDatabaseSubjects(config.center.database) },
  };
  const embedded = centerMode(config) === 'embedded' ? await startupStep(centerStep, () => startEmbeddedCenter(config, catalog, log)) : undefined;
  if (embedded) opened.add('embedded center', () => embedded.close());

  const controller = await startController({
    config: embedded ? pointTicketsAtEmbeddedCenter(trustEmbeddedCenter(config, embedded.appointmentKey), embedded.publicUrl) : config, catalog, log, uiDir: defaultUiDir(), token: io.env[CONTROLLER_TOKEN_ENV] || undefined,
    simulatorPrinterPort: printerSim?.port, simulatorMotionPath: motionSim?.path,
    center: embedded ? { url: embedded.url, enrolmentCode: embedded.enrolmentCode } : undefined,
    configFile: loaded.source === BUILT_IN ? undefined : loaded.source, logRing, procedures: loaded.procedures,
  });
  opened.add('controller', () => controller.close());
  return controller;
}

/** A failed start must exit within seconds even when a part does not close. */
function withinLimit(closing: Promise<void>): Promise<void> {
  return Promise.race([closing, new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_LIMIT_MS).unref())]);
}

/** Runs Electron on this app until it exits; signals are passed on so systemd can stop it. */
function runElectronShell(binary: string, env: NodeJS.ProcessEnv): Promise<number> {
  const appDir = resolve(defaultUiDir(), '..', '..');
  const child = spawn(binary, [appDir], { stdio: 'inherit', env });
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => child.kill(sig));
  return new Promise((done) => child.on('exit', (code) => done(code ?? 1)));
}
