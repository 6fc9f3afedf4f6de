import { isCodedError } from '../../contract';
import { ConfigError, EXIT_CONFIG, loadConfig } from '../../controller/config/load';
import { createPrinter } from '../../controller/devices/printer/create-printer';
import { ticketJobBuilder } from '../../controller/devices/printer/ticket/ticket-job';
import { parseOptions, UsageError } from '../args';
import type { CliIo } from '../io';
import { loadSimulators } from '../load-simulators';
import type { PrinterPort } from '../../controller/devices/printer/port';

/** Opens the configured printer; the simulator profile gets a virtual printer for the command's lifetime. */
async function withPrinter(args: string[], io: CliIo, run: (p: PrinterPort, cfg: ReturnType<typeof loadConfig>) => Promise<number>): Promise<number> {
  let loaded;
  try {
    const { values, positionals } = parseOptions(args, { config: { type: 'string' } });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    loaded = loadConfig({ file: values.config, env: io.env, cwd: io.cwd });
  } catch (e) {
    if (e instanceof ConfigError) return io.stderr(`lobby-robot: ${e.message}`), EXIT_CONFIG;
    if (e instanceof UsageError) return io.stderr(`${e.message}\nusage: lobby-robot printer status|test-page [--config FILE]`), 64;
    throw e;
  }
  const config = { ...loaded.config.printer, ...(loaded.config.printer.adapter === 'none' ? {} : { statusPollMs: 0 }) };
  const sim = config.adapter === 'simulator' ? await loadSimulators().startVirtualPrinter() : undefined;
  const printer = createPrinter(config, { simulatorPort: sim?.port });
  try {
    return await run(printer, loaded);
  } finally {
    await printer.close();
    await sim?.close();
  }
}

/** `lobby-robot printer status`: asks the printer (DLE EOT) and prints the answer; exit 1 on a fault. */
export function printerStatus(args: string[], io: CliIo): Promise<number> {
  return withPrinter(args, io, async (printer) => {
    try {
      const condition = await printer.refreshStatus();
      const s = printer.status();
      io.stdout(JSON.stringify({ ...s, condition: condition ?? 'this link reports no status' }, null, 2));
      return s.state === 'fault' ? 1 : 0;
    } catch (e) {
      io.stdout(JSON.stringify(printer.status(), null, 2));
      return isCodedError(e) ? 1 : Promise.reject(e);
    }
  });
}

/** `lobby-robot printer test-page`: prints a sample ticket in Vietnamese and English. */
export function printerTestPage(args: string[], io: CliIo): Promise<number> {
  return withPrinter(args, io, async (printer, { config, catalog }) => {
    const build = ticketJobBuilder(config.printer, () => catalog, config.ticketStatusUrl);
    const service = catalog.services[0]!;
    try {
      for (const language of ['vi', 'en'] as const) {
        const ticket = { id: '00000000-0000-4000-8000-000000000000', serviceId: service.id, day: '2000-01-01', number: 0, display: 'TEST', language, state: 'printing' as const, issuedAt: new Date().toISOString() };
        await printer.print(build(ticket, service, { wait: { peopleAhead: 0, minMinutes: 0, maxMinutes: 0 } }));
      }
      io.stdout(`test page printed on ${printer.status().adapter}`);
      return 0;
    } catch (e) {
      if (!isCodedError(e)) throw e;
      io.stderr(`printer: ${e.code} (${e.message})`);
      return 1;
    }
  });
}
