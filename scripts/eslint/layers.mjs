/**
 * The layer rules of ARCHITECTURE.md as an ESLint plugin, so `npm run lint` (and every editor)
 * refuses an import across a boundary the moment it is typed. One rule table, read from the
 * importing file's place in the tree: src/<layer>/… or hardware/sim/…; other files are not
 * checked. Imports are read from the syntax tree (import, export-from, dynamic import, require),
 * so comments and strings cannot fool it.
 */
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Layers whose files a layer may import, the npm packages it may use ('*' = any) and whether Node built-ins are allowed. */
export const LAYER_RULES = {
  contract: { layers: ['contract'], packages: ['zod'], builtins: false },
  core: { layers: ['core', 'contract'], packages: [], builtins: false },
  controller: { layers: ['controller', 'core', 'contract'], packages: '*', builtins: true },
  ui: {
    layers: ['ui', 'core', 'contract'],
    packages: ['preact', 'i18next', 'html5-qrcode', 'zod', 'qrcode', 'lucide', 'es-hangul', 'wanakana'],
    builtins: false,
  },
  electron: { layers: ['electron', 'core', 'contract'], packages: ['electron', 'zod'], builtins: true },
  center: { layers: ['center', 'core', 'contract'], packages: '*', builtins: true },
  cli: { layers: ['cli', 'controller', 'center', 'core', 'contract'], packages: '*', builtins: true },
  sim: { layers: ['sim', 'core', 'contract'], packages: '*', builtins: true },
};

const BUILTINS = new Set(builtinModules);

/**
 * The one file of cli that may import the simulators: it is bundled apart (dist/simulators.js)
 * and loaded only for the simulator profile, so production `start` never carries them.
 */
const SIMULATORS_ENTRY = join('src', 'cli', 'simulators.ts');

export function layerOf(root, file) {
  const rel = relative(root, file).split(sep);
  if (rel[0] === 'src' && rel[1] && rel[1] in LAYER_RULES) return rel[1];
  if (rel[0] === 'hardware' && rel[1] === 'sim') return 'sim';
  return undefined;
}

function packageName(spec) {
  return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
}

/** Why `spec` may not be imported from `file`, or null when it may. */
export function violation(root, file, spec) {
  const layer = layerOf(root, file);
  if (!layer) return null;
  const rule = LAYER_RULES[layer];
  if (spec.startsWith('.')) {
    const target = resolve(dirname(file), spec);
    const targetLayer = layerOf(root, target);
    const relTarget = relative(root, target);
    const inLocales = relTarget.startsWith(`locales${sep}`);
    // shipped data (assets/**/*.json) is bundled into the controller and validated there
    const isAssetData = relTarget.startsWith(`assets${sep}`) && target.endsWith('.json');
    // locales are data every layer may read; any other file outside the layers is off limits
    if (targetLayer === 'sim' && relative(root, file) === SIMULATORS_ENTRY) return null;
    const allowed = targetLayer ? rule.layers.includes(targetLayer) : inLocales || (isAssetData && layer === 'controller');
    return allowed ? null : `${layer} may not import ${targetLayer ?? relTarget}`;
  }
  if (spec.startsWith('node:') || BUILTINS.has(packageName(spec))) return rule.builtins ? null : `${layer} may not use Node built-ins`;
  if (rule.packages !== '*' && !rule.packages.includes(packageName(spec))) return `${layer} may not import the package ${packageName(spec)}`;
  if (layer !== 'electron' && layer !== 'cli' && packageName(spec) === 'electron') return `${layer} may not import electron`;
  return null;
}

const importsRule = {
  meta: { type: 'problem', docs: { description: 'imports respect the layers of ARCHITECTURE.md' }, schema: [], messages: { layer: '{{reason}} ({{spec}})' } },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    if (!layerOf(root, file)) return {};
    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const reason = violation(root, file, source.value);
      if (reason) context.report({ node, messageId: 'layer', data: { reason, spec: source.value } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => check(n, n.source),
      TSImportEqualsDeclaration: (n) => check(n, n.moduleReference?.expression),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(n, n.arguments[0]);
      },
    };
  },
};

export default { meta: { name: 'lobby-robot-layers' }, rules: { imports: importsRule } };
