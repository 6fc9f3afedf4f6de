/**
 * The layer rules of ARCHITECTURE.md, checked on the import graph of the sources. Imports are read
 * with TypeScript's own pre-processor (import, export-from, require, dynamic import), so comments
 * and strings do not fool it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export type Layer = 'contract' | 'core' | 'controller' | 'ui' | 'electron' | 'center' | 'cli' | 'sim';

interface Rule {
  /** Layers whose files this layer may import. */
  layers: Layer[];
  /** npm packages allowed ('*' = any), node builtins allowed. */
  packages: string[] | '*';
  builtins: boolean;
}

export const RULES: Record<Layer, Rule> = {
  contract: { layers: ['contract'], packages: ['zod'], builtins: false },
  core: { layers: ['core', 'contract'], packages: [], builtins: false },
  controller: { layers: ['controller', 'core', 'contract'], packages: '*', builtins: true },
  ui: { layers: ['ui', 'core', 'contract'], packages: ['preact', 'i18next', 'html5-qrcode', 'zod', 'qrcode', 'lucide', 'es-hangul', 'wanakana'], builtins: false },
  electron: { layers: ['electron', 'contract'], packages: ['electron', 'zod'], builtins: true },
  center: { layers: ['center', 'core', 'contract'], packages: '*', builtins: true },
  cli: { layers: ['cli', 'controller', 'center', 'sim', 'core', 'contract'], packages: '*', builtins: true },
  sim: { layers: ['sim', 'core', 'contract'], packages: '*', builtins: true },
};

export function layerOf(root: string, file: string): Layer | undefined {
  const rel = relative(root, file).split(sep);
  if (rel[0] === 'src' && rel[1] && rel[1] in RULES) return rel[1] as Layer;
  if (rel[0] === 'hardware' && rel[1] === 'sim') return 'sim';
  return undefined;
}

export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

const BUILTINS = new Set(builtinModules);

function packageName(spec: string): string {
  return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
}

export function checkFile(root: string, file: string): Violation[] {
  const layer = layerOf(root, file);
  if (!layer) return [];
  const rule = RULES[layer];
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const out: Violation[] = [];
  const rel = relative(root, file);
  for (const { fileName: spec } of info.importedFiles) {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      const targetLayer = layerOf(root, target);
      const inLocales = relative(root, target).startsWith(`locales${sep}`);
      // shipped data (assets/**/*.json) is bundled into the controller and validated there
      const isAssetData = relative(root, target).startsWith(`assets${sep}`) && target.endsWith('.json');
      // locales are data every layer may read; any other file outside the layers is off limits
      if (targetLayer ? !rule.layers.includes(targetLayer) : !(inLocales || (isAssetData && layer === 'controller'))) {
        out.push({ file: rel, specifier: spec, reason: `${layer} may not import ${targetLayer ?? relative(root, target)}` });
      }
    } else if (spec.startsWith('node:') || BUILTINS.has(packageName(spec))) {
      if (!rule.builtins) out.push({ file: rel, specifier: spec, reason: `${layer} may not use Node built-ins` });
    } else if (rule.packages !== '*' && !rule.packages.includes(packageName(spec))) {
      out.push({ file: rel, specifier: spec, reason: `${layer} may not import the package ${packageName(spec)}` });
    } else if (layer !== 'electron' && layer !== 'cli' && packageName(spec) === 'electron') {
      out.push({ file: rel, specifier: spec, reason: `${layer} may not import electron` });
    }
  }
  return out;
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

export function checkTree(root: string): Violation[] {
  const dirs = [join(root, 'src'), join(root, 'hardware', 'sim')].filter((d) => {
    try {
      return statSync(d).isDirectory();
    } catch {
      return false;
    }
  });
  return dirs.flatMap(sourceFiles).flatMap((f) => checkFile(root, f));
}
