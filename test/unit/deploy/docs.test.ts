/**
 * The operations docs exist, their links lead somewhere, and what they name (units, device
 * names, the dist command) is what the repository actually has.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = join(__dirname, '../../..');
const DOCS = join(ROOT, 'docs');
/** Every .md under docs/, as a path relative to it (troubleshooting/printer.md). */
const docFiles = (readdirSync(DOCS, { recursive: true }) as string[]).filter((f) => f.endsWith('.md'));
const read = (file: string) => readFileSync(join(DOCS, file), 'utf8');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

function anchors(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

/** [text](target) links outside code blocks, without web links. */
function localLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
}

describe('docs/', () => {
  it.each(['install.md', 'wiring.md', 'technician-guide.md', 'center-admin-guide.md', 'troubleshooting/README.md', 'updates.md', 'README.md'])(
    '%s exists',
    (file) => {
      expect(docFiles).toContain(file);
    },
  );

  it.each(docFiles)('every link in %s leads to an existing file and heading', (file) => {
    for (const link of localLinks(read(file))) {
      const [path, anchor] = link.split('#');
      const target = path ? resolve(DOCS, dirname(file), path) : join(DOCS, file);
      expect({ link, exists: existsSync(target) }).toEqual({ link, exists: true });
      if (anchor !== undefined) {
        expect(statSync(target).isFile()).toBe(true);
        expect({ link, anchor: anchors(readFileSync(target, 'utf8')).has(anchor) }).toEqual({ link, anchor: true });
      }
    }
  });

  it('the link checker sees links and headings the way GitHub does', () => {
    expect(localLinks('see [a](x.md#b-c) and [w](https://x.org) and\n```\n[code](no.md)\n```')).toEqual(['x.md#b-c']);
    expect(slug('Building the packages')).toBe('building-the-packages');
    expect(slug('CONFIG_INVALID')).toBe('config_invalid');
    expect(slug('1. Base system')).toBe('1-base-system');
  });

  it('install.md documents `npm run dist` as package.json defines it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const install = read('install.md');
    expect(install).toContain('npm run dist');
    expect(install).toContain(pkg.scripts.dist);
  });

  it('every systemd unit the docs name exists in hardware/deploy/systemd', () => {
    const units = new Set(readdirSync(join(ROOT, 'hardware/deploy/systemd')));
    const named = new Set(docFiles.flatMap((f) => [...read(f).matchAll(/lobby-robot(-[a-z]+)*\.service/g)].map((m) => m[0])));
    expect(named.size).toBeGreaterThanOrEqual(4);
    for (const unit of named) expect(units).toContain(unit);
  });

  it('every /dev/lobby-* name the docs use is one the udev rules create', () => {
    const rules = readFileSync(join(ROOT, 'hardware/deploy/udev/70-lobby-robot.rules'), 'utf8');
    const created = new Set([...rules.matchAll(/SYMLINK\+="([^"]+)"/g)].map((m) => m[1]!.replace('%n', '<N>')));
    const used = new Set(docFiles.flatMap((f) => [...read(f).matchAll(/\/dev\/(lobby-[a-z-]*(<N>|\*)?)/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThanOrEqual(3);
    for (const name of used) {
      // a trailing * ("/dev/lobby-scanner-*") stands for every name it starts
      if (name.endsWith('*')) expect([...created].some((c) => c.startsWith(name.slice(0, -1)))).toBe(true);
      else expect(created).toContain(name);
    }
  });

  it('docs are shipped with the app (electron-builder extraResources)', () => {
    expect(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')).toMatch(/- from: docs\n\s+to: docs/);
    expect(dirname(DOCS)).toBe(resolve(ROOT));
  });
});
