/**
 * `lobby-robot service pin-hash`: prints the scrypt hash of a service PIN for the config's
 * `service.pinHash`. The PIN comes from LOBBY_ROBOT_PIN or the first line of stdin, never from
 * an argument (arguments end up in shell history and `ps`).
 */
import { hashPin } from '../../controller/service-mode/pin';
import type { CliIo } from '../io';

export const SERVICE_PIN_USAGE = 'service pin-hash   (PIN from LOBBY_ROBOT_PIN or stdin)';

async function firstStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('PIN: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n') || text.length > 64) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

export async function servicePinHash(args: string[], io: CliIo, readPin: () => Promise<string> = firstStdinLine): Promise<number> {
  if (args.length) {
    io.stderr(`unexpected argument; usage: lobby-robot ${SERVICE_PIN_USAGE}`);
    return 64;
  }
  const pin = (io.env.LOBBY_ROBOT_PIN ?? (await readPin())).trim();
  if (!/^\d{4,12}$/.test(pin)) {
    io.stderr('the service PIN must be 4 to 12 digits');
    return 65;
  }
  io.stdout(await hashPin(pin));
  return 0;
}
