import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSimulators } from '../load-simulators';
import { parseOptions, UsageError } from '../args';
import type { CliIo } from '../io';

const USAGE = 'usage: lobby-robot escpos decode IN.bin [--png OUT.png] [--width 576|384]';
/** A captured job larger than this is not a ticket. */
const MAX_INPUT = 16 * 1024 * 1024;

/** `lobby-robot escpos decode`: what the virtual printer makes of captured ESC/POS bytes. */
export async function escposDecode(args: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseOptions(args, { png: { type: 'string' }, width: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('one input file expected');
    const width = Number(values.width ?? 576);
    if (width !== 576 && width !== 384) throw new UsageError('--width: 576 or 384');
    const bytes = readFileSync(resolve(io.cwd, positionals[0]!));
    if (bytes.length > MAX_INPUT) throw new UsageError(`input larger than ${MAX_INPUT} bytes`);
    const decoded = loadSimulators().decodeJob(bytes, width);
    if (values.png) writeFileSync(resolve(io.cwd, values.png), decoded.png);
    io.stdout(decoded.text);
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${e.message}\n${USAGE}`);
    return 64;
  }
}
