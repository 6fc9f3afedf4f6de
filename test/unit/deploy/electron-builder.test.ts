/**
 * electron-builder.yml is valid for the electron-builder version in package.json (its own JSON
 * schema, app-builder-lib/scheme.json, read the way electron-builder reads YAML), names only
 * paths that exist, and its deb maintainer scripts survive electron-builder's templating.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';

const ROOT = join(__dirname, '../../..');
const CONFIG_FILE = join(ROOT, 'electron-builder.yml');

interface BuilderConfig {
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: Array<{ from: string; to: string; filter?: string[] }>;
  linux: { executableName: string; target: Array<{ target: string; arch: string[] }> } & Record<string, unknown>;
  deb: { afterInstall: string; afterRemove: string; fpm: string[]; depends: string[] };
  electronFuses: Record<string, boolean>;
}

const readConfig = (): BuilderConfig => load(readFileSync(CONFIG_FILE, 'utf8')) as BuilderConfig;
// the schema ships in app-builder-lib, resolved from electron-builder so it is the one it uses
const builderDir = dirname(require.resolve('electron-builder/package.json'));
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json', { paths: [builderDir] }), 'utf8')) as object;
// electron-builder's own validator options, minus coerceTypes: a string where a boolean belongs fails here
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('electron-builder.yml against electron-builder’s schema', () => {
  it('uses the schema of the electron-builder pinned in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(require.resolve('electron-builder/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(pkg.devDependencies['electron-builder']);
  });

  it('is valid', () => {
    const ok = validate(readConfig());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('passes electron-builder’s own validation (the function `electron-builder` runs first)', async () => {
    // internal module of the pinned app-builder-lib: the exact check a build starts with
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { validateConfiguration } = require(require.resolve('app-builder-lib/out/util/config/config', { paths: [builderDir] })) as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DebugLogger } = require(require.resolve('builder-util', { paths: [builderDir] })) as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(readConfig(), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...readConfig(), asr: true }, new DebugLogger(false))).rejects.toThrow(/does not match the API schema/);
  });

  it.each([
    ['a misspelled option', (c: Record<string, unknown>) => ({ ...c, asr: true })],
    ['an unknown architecture', (c: Record<string, unknown>) => ({ ...c, linux: { ...(c.linux as object), target: [{ target: 'deb', arch: ['sparc'] }] } })],
    ['a string for a boolean fuse', (c: Record<string, unknown>) => ({ ...c, electronFuses: { runAsNode: 'no' } })],
    ['an unknown deb option', (c: Record<string, unknown>) => ({ ...c, deb: { ...(c.deb as object), postinst: 'x.sh' } })],
  ])('the check rejects %s', (_what, breakIt) => {
    expect(validate(breakIt(readConfig() as unknown as Record<string, unknown>))).toBe(false);
  });
});

describe('electron-builder.yml: what it packages', () => {
  const config = readConfig();

  it('builds deb and AppImage for x64 and arm64, matching `npm run dist`', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder --linux deb AppImage --x64 --arm64');
  });

  it('packs the app in asar, rebuilds native modules for Electron and keeps native code unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('sets every fuse that closes a door', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships locales, assets, hardware (without the simulators) and docs as plain files', () => {
    expect(config.extraResources.map((r) => r.from)).toEqual(['locales', 'assets', 'hardware', 'docs']);
    expect(config.extraResources.find((r) => r.from === 'hardware')!.filter).toContain('!sim/**');
  });

  it('the kiosk compositor is a dependency of the deb', () => {
    expect(config.deb.depends).toContain('cage');
  });
});

describe('electron-builder.yml: every path it names exists', () => {
  const config = readConfig();

  it('files: only the build output of scripts/build.mjs and package.json, which include the entry point', () => {
    const build = readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(config.files).toEqual(['dist/**', 'package.json']);
    // dist/ exists only after `npm run build`: check the build makes what package.json starts
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(build).toMatch(/outfile: join\(out, 'electron\/main\.js'\)/);
    expect(build).toMatch(/const out = join\(root, 'dist'\)/);
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
  });

  it.each(readConfig().extraResources.map((r) => r.from))('extra resource folder %s exists', (from) => {
    expect(statSync(join(ROOT, from)).isDirectory()).toBe(true);
  });

  it('the deb maintainer scripts exist and are executable', () => {
    const beforeRemove = config.deb.fpm[config.deb.fpm.indexOf('--before-remove') + 1]!;
    for (const script of [config.deb.afterInstall, config.deb.afterRemove, beforeRemove]) {
      expect(() => accessSync(join(ROOT, script), constants.X_OK)).not.toThrow();
    }
  });

  it('every file the deb maps into the system exists, under /usr/lib', () => {
    const mappings = config.deb.fpm.filter((arg) => arg.includes('='));
    expect(mappings.length).toBeGreaterThanOrEqual(4);
    for (const mapping of mappings) {
      const [source, target] = mapping.split('=');
      expect(statSync(join(ROOT, source!)).isFile()).toBe(true);
      expect(target).toMatch(/^\/usr\/lib\//);
    }
  });
});

describe('deb maintainer scripts under electron-builder’s templating', () => {
  const config = readConfig();
  // what electron-builder's FpmTarget puts in scope: these three plus the linux options
  const macros: Record<string, string> = {
    executable: config.linux.executableName,
    sanitizedProductName: config.productName,
    productFilename: config.linux.executableName,
  };
  // the same substitution as electron-builder's writeConfigFile, which throws on an unknown macro
  const render = (text: string) =>
    text.replace(/\$\{([a-zA-Z]+)\}/g, (_m, name: string) => {
      if (!(name in macros) && !(name in config.linux)) throw new Error(`Macro ${name} is not defined`);
      return macros[name] ?? String(config.linux[name]);
    });
  const scripts = () => [config.deb.afterInstall, config.deb.afterRemove, config.deb.fpm[config.deb.fpm.indexOf('--before-remove') + 1]!];

  it.each(scripts())('%s uses only macros electron-builder defines, and is valid bash once rendered', (script) => {
    const rendered = render(readFileSync(join(ROOT, script), 'utf8'));
    expect(rendered).not.toMatch(/\$\{[a-zA-Z]+\}/);
    expect(() => execFileSync('bash', ['-n'], { input: rendered })).not.toThrow();
  });

  it('the templating check has teeth: a ${shellVariable} would break the build', () => {
    expect(() => render('echo "${HOME}"')).toThrow('Macro HOME is not defined');
  });

  it('after-install applies the sysusers file the deb installs, and points at the install folder', () => {
    const rendered = render(readFileSync(join(ROOT, config.deb.afterInstall), 'utf8'));
    const sysusers = config.deb.fpm.find((a) => a.includes('/usr/lib/sysusers.d/'))!.split('/').pop();
    expect(rendered).toContain(`systemd-sysusers ${sysusers}`);
    expect(rendered).toContain(`app='/opt/${config.productName}'`);
    expect(rendered).toContain('systemctl try-restart lobby-robot-kiosk.service');
  });
});
