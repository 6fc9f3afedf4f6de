/**
 * The drawing of the layers (docs/layers.svg), made from the code: the arrows are the imports
 * that exist between layers today, read from the source files, so the figure cannot drift from
 * the code. `node scripts/layers-figure.mjs` rewrites it; test/unit/architecture/layers-figure
 * fails when the committed figure differs from what the code would draw.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layerOf } from './eslint/layers.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where each layer's box sits (column, row) and what it is, in a few words. Every arrow joins two
 * neighbouring rows or runs along a row, except the command line's, which runs down the gap
 * between the controller and the center: no arrow crosses a box.
 */
const BOXES = {
  cli: { x: 1.5, y: 0, title: 'src/cli', note: 'lobby-robot command' },
  sim: { x: 3, y: 0, title: 'hardware/sim', note: 'simulators (own bundle)' },
  ui: { x: 0, y: 1, title: 'src/ui', note: 'touchscreen (Preact)' },
  controller: { x: 1, y: 1, title: 'src/controller', note: 'devices, store, sync' },
  center: { x: 2, y: 1, title: 'src/center', note: 'reference center' },
  electron: { x: 3, y: 1, title: 'src/electron', note: 'kiosk shell' },
  core: { x: 0.75, y: 2, title: 'src/core', note: 'pure logic, no I/O' },
  contract: { x: 2.25, y: 2, title: 'src/contract', note: 'zod schemas, codes' },
};

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|require\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Every "layer A imports layer B" edge in the code (A ≠ B), sorted. */
export function layerEdges(root = ROOT) {
  const edges = new Set();
  const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'hardware', 'sim'))];
  for (const file of files) {
    const from = layerOf(root, file);
    if (!from) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = layerOf(root, resolve(dirname(file), m[1] ?? m[2] ?? m[3]));
      if (to && to !== from) edges.add(`${from}->${to}`);
    }
  }
  return [...edges].sort();
}

const W = 200;
const H = 56;
const GAP_X = 40;
const GAP_Y = 70;
const centre = (b) => ({ x: 20 + b.x * (W + GAP_X) + W / 2, y: 20 + b.y * (H + GAP_Y) + H / 2 });

/** The figure: one box per layer, one arrow per edge, from importer to imported. */
export function drawLayers(edges) {
  const boxes = Object.entries(BOXES).map(([, b]) => {
    const c = centre(b);
    return `  <g><rect x="${c.x - W / 2}" y="${c.y - H / 2}" width="${W}" height="${H}" rx="8" fill="#f4f6fb" stroke="#334"/>` +
      `<text x="${c.x}" y="${c.y - 4}" text-anchor="middle" font-weight="bold">${b.title}</text>` +
      `<text x="${c.x}" y="${c.y + 16}" text-anchor="middle" font-size="12">${b.note}</text></g>`;
  });
  const arrows = edges.map((edge) => {
    const [from, to] = edge.split('->');
    const a = centre(BOXES[from]);
    const b = centre(BOXES[to]);
    let points;
    if (a.y === b.y) {
      const dir = b.x > a.x ? 1 : -1;
      points = [[a.x + (dir * W) / 2, a.y], [b.x - (dir * W) / 2, b.y]];
    } else {
      // leave from the bottom side and enter at the top side, spread so arrows of one box part
      const start = [a.x + (b.x - a.x) * 0.15, a.y + H / 2];
      const end = [b.x + (a.x - b.x) * 0.15, b.y - H / 2];
      const rows = (b.y - a.y) / (H + GAP_Y);
      // two rows down: straight down the gap under the box first, then across the band above the target
      points = rows > 1 ? [[a.x, a.y + H / 2], [a.x, b.y - H / 2 - GAP_Y / 2], end] : [start, end];
    }
    const d = points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
    return `  <path data-edge="${edge}" d="${d}" fill="none" stroke="#557" marker-end="url(#head)"/>`;
  });
  const width = 40 + 4 * W + 3 * GAP_X;
  const height = 40 + 3 * H + 2 * GAP_Y + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="14">`,
    '  <defs><marker id="head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#557"/></marker></defs>',
    `  <rect width="${width}" height="${height}" fill="white"/>`,
    ...arrows,
    ...boxes,
    `  <text x="20" y="${height - 10}" font-size="12">An arrow A → B: code in A imports code in B. Drawn from the source by scripts/layers-figure.mjs.</text>`,
    '</svg>',
    '',
  ].join('\n');
}

export const FIGURE = join(ROOT, 'docs', 'layers.svg');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [flag, root] = process.argv.slice(2);
  if (flag === '--json') {
    // for the test: what the code at `root` would draw, and the layer rules the edges must keep
    const edges = layerEdges(root ?? ROOT);
    process.stdout.write(JSON.stringify({ edges, svg: drawLayers(edges) }));
  } else {
    writeFileSync(FIGURE, drawLayers(layerEdges()));
    console.log(`wrote ${FIGURE}: ${layerEdges().join(', ')}`);
  }
}
