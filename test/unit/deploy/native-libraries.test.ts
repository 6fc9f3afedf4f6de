/**
 * Every system library the shipped native modules link must come from a package the .deb depends
 * on. A robot PC installed from the .deb alone would otherwise lose a device at its first use: a
 * machine without libusb cannot load node-hid, so no HID scanner opens. The same check fails on a
 * build or CI machine that lacks such a library, naming the package to add to `.ci/run` and the
 * deb's `depends`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';

const ROOT = join(__dirname, '../../..');
const MODULES = join(ROOT, 'node_modules');

/** Linked by Electron itself (and by Node.js): present wherever the robot's window can run at all. */
const BASE_SYSTEM = ['libc6', 'libgcc-s1', 'libstdc++6'];
/** Prebuilt binaries for other systems, which the loaders never pick on Debian. */
const FOREIGN = /musl|darwin|win32|android|freebsd|arm64|armv7|ia32/;

interface LockEntry {
  dev?: boolean;
}

/** The packages installed for production (`dev: true` marks dev-only ones in the lock file). */
function runtimePackageDirs(): string[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev)
    .map(([path]) => join(ROOT, path))
    .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory());
}

/** .node files of one package, not descending into nested packages (they are entries of their own). */
function nativeFilesOf(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') out.push(...nativeFilesOf(full));
    else if (e.isFile() && e.name.endsWith('.node') && !FOREIGN.test(relative(MODULES, full))) out.push(full);
  }
  return out;
}

interface Linked {
  name: string;
  /** Absolute path, or null when the dynamic loader cannot find it. */
  path: string | null;
}

function linkedLibraries(file: string): Linked[] {
  let text: string;
  try {
    text = execFileSync('ldd', [file], { encoding: 'utf8' });
  } catch {
    return []; // "not a dynamic executable": a binary for another architecture
  }
  return text
    .split('\n')
    .map((line) => /^\s*(\S+) => (not found|\S+)/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1]!, path: m[2] === 'not found' ? null : m[2]! }));
}

function owningPackages(library: string): string[] {
  const out = execFileSync('dpkg', ['-S', `*/${library}`], { encoding: 'utf8' });
  return [...new Set(out.split('\n').filter(Boolean).map((line) => line.split(':')[0]!))];
}

const debDepends = (): string[] =>
  (load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { deb: { depends: string[] } }).deb.depends;

describe('native modules and the .deb', () => {
  const natives = runtimePackageDirs().flatMap(nativeFilesOf);
  const linked = natives.map((file) => ({ file: relative(MODULES, file), libs: linkedLibraries(file) }));

  it('finds the native modules the robot loads (the check below is not vacuous)', () => {
    const packages = linked.map((l) => l.file.split('/')[0]);
    for (const expected of ['better-sqlite3', 'node-hid', '@serialport', 'usb']) expect(packages).toContain(expected);
  });

  it('every library they link is installed on this machine', () => {
    const missing = linked.flatMap((l) => l.libs.filter((lib) => lib.path === null).map((lib) => `${l.file} needs ${lib.name}`));
    expect(missing).toEqual([]);
  });

  it('every library they link outside node_modules comes from a package the .deb depends on', () => {
    const allowed = new Set([...BASE_SYSTEM, ...debDepends()]);
    const system = new Set(linked.flatMap((l) => l.libs).filter((lib) => lib.path && !lib.path.startsWith(MODULES)).map((lib) => lib.name));
    const unlisted = [...system].flatMap((name) => owningPackages(name).filter((p) => !allowed.has(p)).map((p) => `${name} (apt package ${p})`));
    expect(unlisted).toEqual([]);
  });
});
