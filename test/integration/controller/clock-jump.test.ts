/**
 * A wall clock that jumps forward (NTP after a long drift, a technician setting the date) is
 * accepted — a long power-off looks the same — but must be reported: the store tells it from
 * elapsed time with the process's monotonic clock. This starts the real controller with an
 * injected wall clock, moves it three hours in an instant, and looks for the report in the
 * store's audit and in the log (with its code, which the service-mode logs panel groups by).
 */
import type WebSocket from 'ws';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import type { QueueStore } from '../../../src/controller/store/queue-store';
import { tempDir } from '../../support/robot-process';
import { openApi, request } from '../../support/ws-client';

describe('controller: a forward jump of the wall clock is reported', () => {
  let printer: VirtualPrinter;
  let controller: Controller | undefined;
  let ws: WebSocket | undefined;
  beforeAll(async () => {
    printer = await startVirtualPrinter();
  });
  afterAll(async () => {
    ws?.close();
    await controller?.close();
    await printer.close();
  });

  it('writes clock.forward-jump to the audit and logs STORE_CLOCK_JUMPED', async () => {
    const clock = { t: Date.parse('2026-11-30T08:10:00+07:00') };
    const lines: Record<string, unknown>[] = [];
    const log = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: tempDir() } });
    let store: QueueStore | undefined;
    controller = await startController({
      config: { ...loaded.config, motion: { adapter: 'none' as const } }, catalog: loaded.catalog, log, uiDir: tempDir(),
      simulatorPrinterPort: printer.port, now: () => new Date(clock.t), onStoreOpen: (s) => (store = s),
    });
    ws = (await openApi(controller.url, { token: controller.token })).ws!;
    const issue = (id: string) => request(ws!, { v: 1, id, type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'vi' } }, id);

    await expect(issue('a')).resolves.toMatchObject({ ok: true });
    expect(store!.recentAudit(50).map((a) => a.action)).not.toContain('clock.forward-jump');

    clock.t += 3 * 3600_000; // 08:10 → 11:10 in no time at all
    await expect(issue('b')).resolves.toMatchObject({ ok: true });

    const jumps = store!.recentAudit(50).filter((a) => a.action === 'clock.forward-jump');
    expect(jumps).toHaveLength(1);
    const logged = lines.filter((l) => l.code === 'STORE_CLOCK_JUMPED');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ direction: 'forward' });
    expect(logged[0]!.deltaMs).toBeGreaterThan(3 * 3600_000 - 120_000);
  });
});
