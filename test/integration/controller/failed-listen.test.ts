/**
 * Issue 21 point 1: when the API cannot listen (its port taken), startController rejects with the
 * coded start-up error naming host:port, and everything it opened before is closed again: the
 * store (its WAL folded back and removed), the printer's connection, the voice, the scanners, the
 * HTTP server that tried the port. Nothing it opened stays open: the process's open handles are
 * what they were before the attempt, so `lobby-robot start` exits by itself instead of hanging.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { startSimulatedBoard, type SimulatedBoard } from '../../../hardware/sim/board';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController } from '../../../src/controller/main';
import { StartupError } from '../../../src/controller/startup-error';
import { tempDir } from '../../support/robot-process';

/** Open handles by kind, counted (timers, sockets, servers, files). */
function handles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** The kinds of which there are more now than before. */
function leftOpen(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...after].filter(([kind, n]) => n > (before.get(kind) ?? 0)).map(([kind, n]) => [kind, n - (before.get(kind) ?? 0)]));
}

/** Past the loop's close phase, where handles closed just now (an exited child's) are released. */
const settle = async () => {
  for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
};

describe('a controller whose API port is taken', () => {
  let busy: Server;
  let printer: VirtualPrinter;
  let board: SimulatedBoard;
  beforeAll(async () => {
    board = await startSimulatedBoard({ linkPath: join(tempDir(), 'lobby-board'), speed: 1 });
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    printer = await startVirtualPrinter();
  });
  afterAll(async () => {
    busy.close();
    await printer.close();
    await board.close();
  });

  it('rejects naming host:port and leaves nothing it opened open', async () => {
    const port = (busy.address() as { port: number }).port;
    const dataDir = tempDir();
    const loaded = loadConfig({ env: {}, overrides: { port, dataDir } });
    const config = loaded.config;
    expect(config.motion.adapter).toBe('simulator');
    await settle();
    const before = handles();

    const failure = await startController({ config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port, simulatorMotionPath: board.path }).then(
      () => 'started',
      (e: unknown) => e,
    );

    expect(failure).toBeInstanceOf(StartupError);
    expect(failure).toMatchObject({ code: 'STARTUP_PORT_IN_USE', subject: `127.0.0.1:${port}` });
    await settle();
    expect(leftOpen(before, handles())).toEqual({});
    // SQLite removes the write-ahead log when its last connection closes
    expect(existsSync(join(dataDir, 'robot.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'robot.sqlite-wal'))).toBe(false);
  });
});
