import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * docs/layers.svg is the drawing of the layers the README points to. It is drawn from the imports
 * in the code, so it must be redrawn (`node scripts/layers-figure.mjs`) whenever an arrow appears
 * or goes; and every arrow in it must be one the layer rules allow.
 */
const ROOT = join(__dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'layers-figure.mjs');

function drawn(root: string): { edges: string[]; svg: string } {
  return JSON.parse(execFileSync(process.execPath, [SCRIPT, '--json', root], { encoding: 'utf8' }));
}

/** The layer rules of the lint, as "A->B" pairs. */
function allowedEdges(): Set<string> {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `import { LAYER_RULES } from ${JSON.stringify(join(ROOT, 'scripts', 'eslint', 'layers.mjs'))}; console.log(JSON.stringify(LAYER_RULES))`], { encoding: 'utf8' });
  const rules = JSON.parse(out) as Record<string, { layers: string[] }>;
  const edges = new Set(Object.entries(rules).flatMap(([from, r]) => r.layers.filter((to) => to !== from).map((to) => `${from}->${to}`)));
  // the lint's one exception: src/cli/simulators.ts, bundled apart and loaded only for the simulator profile
  edges.add('cli->sim');
  return edges;
}

describe('the drawing of the layers', () => {
  it('is what the code draws today (redraw with node scripts/layers-figure.mjs)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'layers.svg'), 'utf8')).toBe(drawn(ROOT).svg);
  });

  it('shows only arrows the layer rules allow, and the ones the design names', () => {
    const { edges } = drawn(ROOT);
    const allowed = allowedEdges();
    expect(edges.filter((e) => !allowed.has(e))).toEqual([]);
    for (const e of ['ui->contract', 'controller->core', 'center->core', 'core->contract', 'cli->controller']) expect(edges).toContain(e);
  });

  it('gains an arrow when code crosses a layer (a fixture where the UI imports the controller)', () => {
    const root = mkdtempSync(join(tmpdir(), 'layers-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('src/controller/store.ts', 'export const store = 1;\n');
    write('src/ui/screen.tsx', "import { store } from '../controller/store';\nexport const s = store;\n");
    mkdirSync(join(root, 'hardware', 'sim'), { recursive: true });
    const { edges, svg } = drawn(root);
    expect(edges).toEqual(['ui->controller']);
    expect(svg).toContain('data-edge="ui->controller"');
    expect(allowedEdges().has('ui->controller')).toBe(false);
  });
});
