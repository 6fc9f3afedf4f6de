/**
 * Cross-checks rules files with the real udev (Debian 12: systemd-udev 252) where the machine
 * allows it: `udevadm test` reads only the system's rules folders, so a private mount namespace
 * (`unshare -m`, needs root with CAP_SYS_ADMIN) binds a scratch folder over /etc/udev/rules.d
 * for that one command; the machine's own rules are never touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = 'mount --bind "$1" /etc/udev/rules.d && exec udevadm test --action=add "$2"';
/** Any device will do: udevadm reads every rules file before it looks at the device. */
const DEVICES = ['/sys/class/tty/tty1', '/sys/class/tty/tty0', '/sys/class/tty/console', '/sys/class/mem/null'];

export type UdevadmRun = { available: true; output: string } | { available: false; reason: string };

// synchronous, so a test file can decide at load time whether these tests can run at all
function run(dir: string, device: string): { code: number; output: string } {
  const result = spawnSync('unshare', ['-m', 'sh', '-c', SCRIPT, 'sh', dir, device], { timeout: 20_000, encoding: 'utf8' });
  return { code: result.status ?? 127, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

/** Lines udev printed about the named file (its complaints, and rules it applied). */
export function linesAbout(output: string, file: string): string[] {
  return output.split('\n').filter((l) => l.includes(`/etc/udev/rules.d/${file}:`));
}

export function udevadmRead(files: Record<string, string>): UdevadmRun {
  const device = DEVICES.find((d) => existsSync(d));
  if (!device) return { available: false, reason: 'no device in /sys to run `udevadm test` on' };
  const dir = mkdtempSync(join(tmpdir(), 'lobby-robot-udev-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const result = run(dir, device);
    if (!result.output.includes('Reading rules file')) {
      return { available: false, reason: `cannot run udevadm in a private mount namespace here (exit ${result.code}): ${result.output.trim().split('\n').slice(-1)[0] ?? ''}` };
    }
    return { available: true, output: result.output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
