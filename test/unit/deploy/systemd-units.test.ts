/**
 * The robot's systemd units pass `systemd-analyze verify` (apt `systemd`) and keep the
 * promises the docs make: kiosk on tty1 with a watchdog, controller watchdog, center service,
 * hardening. Binaries are stubbed in a scratch root, each one named below with where it comes
 * from on a real robot; a unit that starts anything else fails verification.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { CONTROLLER_BACKOFF } from '../../../src/electron/controller-process';
import { pingIntervalMs } from '../../../src/controller/watchdog';
import { executables, exposureIn, makeScratchRoot, parseUnit, runTool, value, values, verifyIn, type ScratchRoot, type UnitFile } from '../../support/systemd';

const ROOT = join(__dirname, '../../..');
const UNIT_DIR = join(ROOT, 'hardware/deploy/systemd');
const FIXTURES = join(ROOT, 'test/fixtures/deploy/systemd');

/** Every binary a unit may start, and what puts it on the robot. */
const PROVIDED_BY: Record<string, string> = {
  '/usr/bin/cage': 'apt cage (a Depends of the lobby-robot deb)',
  '/opt/lobby-robot/lobby-robot': 'the lobby-robot deb (electron-builder.yml)',
  '/usr/bin/chromium': 'apt chromium',
  '/usr/bin/node': 'Node.js 20+ (apt nodejs or NodeSource)',
  '/bin/sh': 'the base system',
};

const readUnits = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.service')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

const texts = readUnits(UNIT_DIR);
const units: Record<string, UnitFile> = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, parseUnit(text)]));
const unit = (name: string): UnitFile => {
  const u = units[name];
  if (!u) throw new Error(`no unit ${name}`);
  return u;
};
const STUBS = Object.keys(PROVIDED_BY);

// one scratch root with every unit and the stubs, shared by the checks of the real units
let root: ScratchRoot;
// and one with the broken fixtures, each broken in one way, with the one binary they may use
let brokenRoot: ScratchRoot;
beforeAll(() => {
  root = makeScratchRoot(texts, STUBS);
  brokenRoot = makeScratchRoot(readUnits(FIXTURES), ['/usr/bin/node']);
});
afterAll(() => {
  root.remove();
  brokenRoot.remove();
});

describe('systemd units: systemd-analyze verify', () => {
  it('CI installs the tools these checks run (.ci/run: apt systemd and udev)', () => {
    const installs = readFileSync(join(ROOT, '.ci/run'), 'utf8')
      .split('\n')
      .filter((l) => /^\s*apt-get install\b/.test(l))
      .flatMap((l) => l.trim().split(/\s+/).slice(2).filter((w) => !w.startsWith('-')));
    expect(installs).toEqual(expect.arrayContaining(['systemd', 'udev']));
  });

  it('finds the five units', () => {
    expect(Object.keys(texts).sort()).toEqual([
      'lobby-robot-center.service',
      'lobby-robot-controller.service',
      'lobby-robot-kiosk-chromium.service',
      'lobby-robot-kiosk.service',
      'lobby-robot-token.service',
    ]);
  });

  it.each(Object.keys(texts))('%s verifies with no error and no warning', async (name) => {
    // every unit is in the scratch root, so Requires=/After= between them resolve
    expect(await verifyIn(root, [name])).toEqual({ code: 0, output: '' });
  });

  it('starts only binaries whose origin is known', () => {
    const used = new Set(Object.values(units).flatMap(executables));
    expect([...used].sort()).toEqual([...STUBS].sort());
  });

  it.each([
    ['unknown-key.service', /Unknown key 'WatchdogSecs'/],
    ['bad-value.service', /Failed to parse service restart specifier/],
    ['missing-binary.service', /not-installed is not executable/],
    ['missing-dependency.service', /no-such-unit-anywhere.service not found/],
  ])('the check catches a broken unit: %s', async (name, message) => {
    const result = await verifyIn(brokenRoot, [name]);
    expect(result.code !== 0 || result.output !== '').toBe(true);
    expect(result.output).toMatch(message);
  });
});

describe('kiosk session (lobby-robot-kiosk.service)', () => {
  const kiosk = unit('lobby-robot-kiosk.service');

  it('runs cage on tty1 for the auto-login user kiosk through a PAM login session, instead of a getty', () => {
    expect(value(kiosk, 'Service', 'User')).toBe('kiosk');
    expect(value(kiosk, 'Service', 'PAMName')).toBe('login');
    expect(value(kiosk, 'Service', 'TTYPath')).toBe('/dev/tty1');
    expect(values(kiosk, 'Unit', 'Conflicts').join(' ').split(/\s+/)).toContain('getty@tty1.service');
    expect(value(kiosk, 'Install', 'WantedBy')).toBe('graphical.target');
  });

  it('starts the binary the deb installs (/opt/<productName>/<executableName> of electron-builder.yml)', () => {
    const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { productName: string; linux: { executableName: string } };
    const exec = value(kiosk, 'Service', 'ExecStart')!;
    expect(exec).toMatch(/^\/usr\/bin\/cage .*-- /);
    expect(exec.split(' -- ')[1]).toBe(`/opt/${config.productName}/${config.linux.executableName}`);
  });

  it('restarts always and never gives up', () => {
    expect(value(kiosk, 'Service', 'Restart')).toBe('always');
    expect(value(kiosk, 'Unit', 'StartLimitIntervalSec')).toBe('0');
  });

  it('has a watchdog fed by the controller inside Electron, longer than the shell’s own controller recovery', () => {
    expect(value(kiosk, 'Service', 'Type')).toBe('notify');
    // the controller is a grandchild of cage: only NotifyAccess=all accepts its messages
    expect(value(kiosk, 'Service', 'NotifyAccess')).toBe('all');
    const watchdogSec = Number(value(kiosk, 'Service', 'WatchdogSec'));
    const readyTimeoutSec = 60; // src/electron/controller-process.ts default
    expect(watchdogSec).toBeGreaterThan(CONTROLLER_BACKOFF.maxMs / 1000 + readyTimeoutSec);
  });

  it('gives the session the device groups and the controller its data folder', () => {
    const groups = values(kiosk, 'Service', 'SupplementaryGroups').join(' ').split(/\s+/);
    expect(groups).toEqual(expect.arrayContaining(['lp', 'dialout', 'plugdev', 'input', 'video', 'audio', 'lobby-robot']));
    expect(value(kiosk, 'Service', 'StateDirectory')!.split(/\s+/)).toContain('lobby-robot');
  });

  it('shell and controller share one data folder, the state directory, so crash dumps land where the controller reports from', () => {
    const env = values(kiosk, 'Service', 'Environment');
    expect(env).toContain('LOBBY_ROBOT_DATA=/var/lib/lobby-robot');
  });
});

describe('controller as its own service (lobby-robot-controller.service, Chromium fallback)', () => {
  const controller = unit('lobby-robot-controller.service');

  it('is Type=notify with a watchdog the controller feeds twice per period', () => {
    expect(value(controller, 'Service', 'Type')).toBe('notify');
    expect(value(controller, 'Service', 'NotifyAccess')).toBe('all'); // systemd-notify is a child
    const watchdogSec = Number(value(controller, 'Service', 'WatchdogSec'));
    expect(pingIntervalMs(String(watchdogSec * 1_000_000))).toBe((watchdogSec * 1000) / 2);
    expect(value(controller, 'Service', 'Restart')).toBe('always');
  });

  it('gets the per-boot token, and cannot run together with the Electron kiosk', () => {
    expect(value(controller, 'Service', 'EnvironmentFile')).toBe('/run/lobby-robot/token.env');
    expect(values(controller, 'Unit', 'Requires')).toContain('lobby-robot-token.service');
    expect(values(controller, 'Unit', 'Conflicts')).toContain('lobby-robot-kiosk.service');
    expect(value(controller, 'Service', 'ExecStart')).toContain('start --no-window --config /etc/lobby-robot/config.json');
  });

  it('the Chromium window opens the controller with the token in the URL fragment', () => {
    const exec = value(unit('lobby-robot-kiosk-chromium.service'), 'Service', 'ExecStart')!;
    expect(exec).toContain('--kiosk');
    expect(exec).toContain('--app=http://127.0.0.1:8787/#token=${LOBBY_ROBOT_TOKEN}');
  });
});

describe('center service (lobby-robot-center.service)', () => {
  const center = unit('lobby-robot-center.service');

  it('runs `lobby-robot center --port 8080 --data /var/lib/lobby-robot-center` with its own state folder', () => {
    expect(value(center, 'Service', 'ExecStart')).toMatch(/bin\/lobby-robot\.js center --port 8080 --data \/var\/lib\/lobby-robot-center$/);
    expect(value(center, 'Service', 'StateDirectory')).toBe('lobby-robot-center');
    expect(value(center, 'Service', 'DynamicUser')).toBe('yes');
    expect(value(center, 'Service', 'Restart')).toBe('always');
  });
});

describe('hardening', () => {
  it.each(Object.keys(texts))('%s sets the baseline sandbox', (name) => {
    const u = unit(name);
    expect(value(u, 'Service', 'NoNewPrivileges')).toBe('yes');
    expect(value(u, 'Service', 'ProtectSystem')).toBe('strict');
    expect(value(u, 'Service', 'ProtectHome')).toBe('yes');
    expect(value(u, 'Service', 'PrivateTmp')).toBe('yes');
    expect(value(u, 'Service', 'ProtectKernelModules')).toBe('yes');
  });

  // The kiosks need the GPU, input, a JIT and Chromium's namespace sandbox (see the comments in
  // the units), so they cannot get below "MEDIUM"; everything else must stay "OK" or better.
  it.each([
    ['lobby-robot-controller.service', 3],
    ['lobby-robot-center.service', 2.5],
    ['lobby-robot-token.service', 1],
    ['lobby-robot-kiosk.service', 7],
    ['lobby-robot-kiosk-chromium.service', 7],
  ])('%s has a systemd-analyze security exposure of at most %s', async (name, limit) => {
    expect(await exposureIn(root, name)).toBeLessThanOrEqual(limit);
  });

  it('users and groups the units run as are created by the sysusers file, or are dynamic', async () => {
    const sysusers = readFileSync(join(ROOT, 'hardware/deploy/sysusers/lobby-robot.conf'), 'utf8');
    const created = new Set(sysusers.split('\n').filter((l) => /^[ug] /.test(l)).map((l) => l.split(/\s+/)[1]));
    for (const u of Object.values(units)) {
      if (value(u, 'Service', 'DynamicUser') === 'yes') continue;
      for (const key of ['User', 'Group']) {
        const name = value(u, 'Service', key);
        if (name !== undefined) expect(created).toContain(name);
      }
    }
  });
});

describe('system users (sysusers.d) and log rotation (journald.conf.d)', () => {
  it('systemd-sysusers applies the users file to an empty root', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'lobby-robot-sysusers-'));
    try {
      mkdirSync(join(root, 'etc'));
      for (const f of ['passwd', 'group', 'shadow', 'gshadow']) writeFileSync(join(root, 'etc', f), '');
      const result = await runTool('systemd-sysusers', [`--root=${root}`, join(ROOT, 'hardware/deploy/sysusers/lobby-robot.conf')]);
      expect(result.code).toBe(0);
      const passwd = readFileSync(join(root, 'etc/passwd'), 'utf8');
      expect(passwd).toMatch(/^kiosk:x:\d+:\d+:[^:]*:\/var\/lib\/lobby-robot-kiosk:/m);
      expect(passwd).toMatch(/^lobby-robot:x:\d+:\d+:[^:]*:\/var\/lib\/lobby-robot:/m);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the journald drop-in bounds the journal with known keys only', () => {
    const conf = parseUnit(readFileSync(join(ROOT, 'hardware/deploy/journald/lobby-robot.conf'), 'utf8'));
    const known = new Set([
      'Storage', 'Compress', 'Seal', 'SplitMode', 'SyncIntervalSec', 'RateLimitIntervalSec', 'RateLimitBurst',
      'SystemMaxUse', 'SystemKeepFree', 'SystemMaxFileSize', 'SystemMaxFiles', 'RuntimeMaxUse', 'RuntimeKeepFree',
      'RuntimeMaxFileSize', 'RuntimeMaxFiles', 'MaxRetentionSec', 'MaxFileSec', 'ForwardToSyslog', 'ForwardToKMsg',
      'ForwardToConsole', 'ForwardToWall', 'MaxLevelStore', 'MaxLevelSyslog', 'MaxLevelConsole', 'ReadKMsg', 'Audit',
    ]);
    expect([...conf.sections.keys()]).toEqual(['Journal']);
    for (const [key] of conf.sections.get('Journal')!) expect(known).toContain(key);
    expect(value(conf, 'Journal', 'SystemMaxUse')).toMatch(/^\d+[KMG]$/);
    expect(value(conf, 'Journal', 'Storage')).toBe('persistent');
  });
});
