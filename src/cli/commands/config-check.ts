import { ConfigError, EXIT_CONFIG, loadConfig } from '../../controller/config/load';
import type { CliIo } from '../io';

/** `lobby-robot config check FILE`: 0 and a summary when valid, 78 and every bad field otherwise. */
export async function configCheck(args: string[], io: CliIo): Promise<number> {
  const file = args[0];
  if (!file || args.length > 1) {
    io.stderr('usage: lobby-robot config check FILE');
    return 64;
  }
  try {
    const { config, catalog, source } = loadConfig({ file, env: {}, cwd: io.cwd });
    io.stdout(`ok: ${source}\n  profile ${config.profile}, robot ${config.robotId}, printer ${config.printer.adapter}, ${catalog.services.length} services`);
    return 0;
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(e.message);
      return EXIT_CONFIG;
    }
    throw e;
  }
}
