import { accessSync, constants, mkdirSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { ConfigError, loadConfig, type LoadedConfig } from '../../controller/config/load';
import { integrityOk, openDatabase } from '../../controller/store/database';
import { createPrinter } from '../../controller/devices/printer/create-printer';
import { isCodedError } from '../../contract';
import { parseOptions, UsageError } from '../args';
import type { CliIo } from '../io';
import { checkVoice } from './doctor-voice';

import { checkCenter, checkMotion, checkScanners, type Row } from './doctor-parts';

/** `lobby-robot doctor`: what is configured and whether each part answers; exit 1 on any fault. */
export async function doctor(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  try {
    const opts = parseOptions(args, { config: { type: 'string' } });
    file = opts.values.config;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${e.message}\nusage: lobby-robot doctor [--config FILE]`);
    return 64;
  }
  const rows: Row[] = [];
  let loaded: LoadedConfig | undefined;
  try {
    loaded = loadConfig({ file, env: io.env, cwd: io.cwd });
    rows.push({ part: 'config', configured: loaded.source, verdict: 'ok', detail: `profile ${loaded.config.profile}` });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    rows.push({ part: 'config', configured: e.source, verdict: 'fault', detail: e.problems.join('; ') });
  }
  if (loaded) {
    const { config } = loaded;
    rows.push(checkDataDir(config.dataDir));
    rows.push(checkStore(join(config.dataDir, 'robot.sqlite')));
    rows.push(await checkPrinter(config.printer));
    rows.push(checkMotion(config.motion));
    rows.push(...(await checkScanners(config.scanners)));
    rows.push(await checkCenter(config));
    rows.push(await checkController(config.controller.port));
    rows.push(...(await checkVoice(config.voice, io.env, config.dataDir)));
  }
  io.stdout(formatTable(rows));
  return rows.some((r) => r.verdict === 'fault') ? 1 : 0;
}

function checkDataDir(dir: string): Row {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return { part: 'data folder', configured: dir, verdict: 'ok', detail: 'writable' };
  } catch (e) {
    return { part: 'data folder', configured: dir, verdict: 'fault', detail: `not writable (${(e as NodeJS.ErrnoException).code})` };
  }
}

function checkStore(path: string): Row {
  try {
    const db = openDatabase(path);
    const ok = integrityOk(db);
    db.close();
    return { part: 'store', configured: path, verdict: ok ? 'ok' : 'fault', detail: ok ? 'integrity_check ok' : 'integrity_check failed' };
  } catch (e) {
    return { part: 'store', configured: path, verdict: 'fault', detail: (e as Error).message };
  }
}

async function checkPrinter(printer: LoadedConfig['config']['printer']): Promise<Row> {
  switch (printer.adapter) {
    case 'none':
      return { part: 'printer', configured: 'none', verdict: 'warn', detail: 'no printer: tickets cannot be printed' };
    case 'simulator':
      return { part: 'printer', configured: 'simulator', verdict: 'ok', detail: 'virtual printer, started with the robot' };
    case 'tcp': {
      const where = `tcp ${printer.host}:${printer.port}`;
      const err = await tcpConnects(printer.host, printer.port, 2000);
      if (err) return { part: 'printer', configured: where, verdict: 'fault', detail: err };
      return askPrinter(printer);
    }
    default:
      return askPrinter(printer);
  }
}

/** Opens the configured printer and asks its status (DLE EOT where the model and link answer). */
async function askPrinter(config: Exclude<LoadedConfig['config']['printer'], { adapter: 'none' | 'simulator' }>): Promise<Row> {
  const printer = createPrinter({ ...config, statusPollMs: 0, timeoutMs: Math.min(config.timeoutMs, 2000) });
  try {
    const condition = await printer.refreshStatus();
    const s = printer.status();
    const verdict = s.state === 'ok' ? 'ok' : s.state === 'degraded' ? 'warn' : 'fault';
    return { part: 'printer', configured: s.adapter, verdict, detail: condition ? (s.code ?? 'ready') : 'link opens (this link reports no status)' };
  } catch (e) {
    return { part: 'printer', configured: printer.status().adapter, verdict: 'fault', detail: isCodedError(e) ? e.code : (e as Error).message };
  } finally {
    await printer.close();
  }
}

async function checkController(port: number): Promise<Row> {
  const where = `http://127.0.0.1:${port}`;
  try {
    const res = await fetch(`${where}/healthz`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as { robotId?: string };
    return { part: 'controller', configured: where, verdict: 'ok', detail: `running (${String(body.robotId ?? '?').slice(0, 40)})` };
  } catch {
    return { part: 'controller', configured: where, verdict: 'warn', detail: 'not running' };
  }
}

function tcpConnects(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.setTimeout(timeoutMs, () => {
      s.destroy();
      resolve('no answer');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    s.connect(port, host, () => {
      s.destroy();
      resolve(undefined);
    });
  });
}

function formatTable(rows: Row[]): string {
  const head: Row = { part: 'PART', configured: 'CONFIGURED', verdict: 'ok', detail: 'DETAIL' };
  const w1 = Math.max(...[head, ...rows].map((r) => r.part.length));
  const w2 = Math.max(...[head, ...rows].map((r) => r.configured.length));
  const line = (r: Row, v: string) => `${r.part.padEnd(w1)}  ${r.configured.padEnd(w2)}  ${v.padEnd(5)}  ${r.detail}`;
  return [line(head, 'STATE'), ...rows.map((r) => line(r, r.verdict.toUpperCase()))].join('\n');
}
