import { ConfigError, loadConfig } from '../../controller/config/load';
import type { CliIo } from '../io';
import { runCodeParse } from './code-parse';

/** `lobby-robot code parse`: the center keys and ticket URL come from the config when one is set. */
export async function codeParse(args: string[], io: CliIo): Promise<number> {
  let defaults = {};
  if (io.env.LOBBY_ROBOT_CONFIG) {
    try {
      const { config } = loadConfig({ env: io.env, cwd: io.cwd });
      defaults = { centerPublicKeys: config.codes.centerPublicKeys, ticketBaseUrl: config.codes.ticketBaseUrl };
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      io.stderr(e.message);
      return 78;
    }
  }
  const write = (to: (t: string) => void) => ({ write: (t: string) => to(t) });
  return runCodeParse(args, { stdout: write(io.stdout), stderr: write(io.stderr), env: io.env }, defaults);
}
