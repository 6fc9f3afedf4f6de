// Builds every target with esbuild: the Node programs (CLI = controller, center, simulators),
// the Electron shell (main + sandboxed preload) and the touchscreen UI bundle.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
rmSync(out, { recursive: true, force: true });

const define = { __LOBBY_ROBOT_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) };
const node = { define, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...node, entryPoints: [join(root, 'src/cli/main.ts')], outfile: join(out, 'cli.js'), packages: 'external' }),
  build({ ...node, entryPoints: [join(root, 'src/electron/main.ts')], outfile: join(out, 'electron/main.js'), external: ['electron'] }),
  // a sandboxed preload may require only 'electron': everything else is bundled in
  build({ ...node, entryPoints: [join(root, 'src/electron/preload.ts')], outfile: join(out, 'electron/preload.js'), external: ['electron'] }),
  build({
    bundle: true, platform: 'browser', target: 'chrome120', format: 'iife', sourcemap: true, logLevel: 'warning',
    entryPoints: [join(root, 'src/ui/main.tsx')], outfile: join(out, 'ui/app.js'),
    jsx: 'automatic', jsxImportSource: 'preact', loader: { '.json': 'json' },
  }),
]);

mkdirSync(join(out, 'ui'), { recursive: true });
for (const f of ['index.html', 'styles.css']) cpSync(join(root, 'src/ui', f), join(out, 'ui', f));
console.log('built dist/');
