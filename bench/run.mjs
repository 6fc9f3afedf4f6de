// `npm run bench`: builds the program (cold start and the controller figures run the real
// `lobby-robot start`), bundles the bench runner and, when present, the optional bench/voice.ts
// beside it, then runs every figure. Arguments after `--` go to the runner.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' };
await build({ ...common, entryPoints: [join(root, 'bench/run-all.ts')], outfile: join(root, 'dist/bench/run-all.js') });
// the wake-word figure: only a bench/voice.ts that exports measureWakeWord() (and runs nothing on import) is loaded
const voice = join(root, 'bench/voice.ts');
if (existsSync(voice)) {
  if (/export (async )?function measureWakeWord\b/.test(readFileSync(voice, 'utf8'))) {
    await build({ ...common, entryPoints: [voice], outfile: join(root, 'dist/bench/voice.js') });
  } else {
    console.log('bench/voice.ts does not export measureWakeWord(): the wake-word figure is skipped');
  }
}
const run = spawnSync(process.execPath, ['--expose-gc', join(root, 'dist/bench/run-all.js'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
