/**
 * Helpers for checking systemd unit files with the real systemd tools (apt package `systemd`).
 *
 * `systemd-analyze verify` loads a unit with everything it depends on and checks that every
 * ExecStart= binary exists and is executable. The robot's binaries (/opt/lobby-robot/...,
 * cage, ...) are not installed on a build machine, so units are verified inside a scratch root
 * (`--root`): it holds a copy of this machine's own systemd units (so After=/Wants= on
 * graphical.target, systemd-logind.service ... resolve against the real ones), our units in
 * /etc/systemd/system, and an executable stub for each binary the caller names — and only those,
 * so a unit that starts anything else still fails.
 */
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface UnitFile {
  /** section → [key, value] in file order (a key may repeat) */
  sections: Map<string, Array<[string, string]>>;
}

/** A small reader for the unit file syntax: [Section], Key=Value, # and ; comments, \ continuations. */
export function parseUnit(text: string): UnitFile {
  const sections = new Map<string, Array<[string, string]>>();
  let current: Array<[string, string]> | null = null;
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const section = /^\[([A-Za-z]+)\]$/.exec(line);
    if (section) {
      current = [];
      sections.set(section[1]!, current);
      return;
    }
    const kv = /^([A-Za-z0-9]+)\s*=\s*(.*)$/.exec(line);
    if (!kv || current === null) throw new Error(`line ${i + 1}: not a Key=Value inside a section: ${line}`);
    current.push([kv[1]!, kv[2]!]);
  });
  return { sections };
}

export function values(unit: UnitFile, section: string, key: string): string[] {
  return (unit.sections.get(section) ?? []).filter(([k]) => k === key).map(([, v]) => v);
}

export function value(unit: UnitFile, section: string, key: string): string | undefined {
  return values(unit, section, key).at(-1);
}

const EXEC_KEYS = ['ExecStartPre', 'ExecStart', 'ExecStartPost', 'ExecReload', 'ExecStop', 'ExecStopPost', 'ExecCondition'];

/**
 * The binaries a unit runs: first word of each Exec*= line (without the -@:+! prefixes), and
 * the program a compositor starts after ` -- ` (cage -- /opt/...), which verify cannot see.
 */
export function executables(unit: UnitFile): string[] {
  return EXEC_KEYS.flatMap((key) => values(unit, 'Service', key)).flatMap((line) => {
    const [outer, inner] = line.replace(/^[-@:+!]+/, '').split(' -- ');
    return [outer!, inner].filter((part): part is string => part !== undefined).map((part) => part.trim().split(/\s+/)[0]!);
  });
}

export interface ScratchRoot {
  dir: string;
  remove(): void;
}

/** Host unit directory: Debian 12 merges /lib into /usr/lib; older layouts keep /lib. */
function hostUnitDir(): string {
  for (const dir of ['/usr/lib/systemd/system', '/lib/systemd/system']) if (existsSync(join(dir, 'sysinit.target'))) return dir;
  throw new Error('no systemd units on this machine: install the apt package `systemd`');
}

export function makeScratchRoot(units: Record<string, string>, stubs: string[]): ScratchRoot {
  const dir = mkdtempSync(join(tmpdir(), 'lobby-robot-units-'));
  cpSync(hostUnitDir(), join(dir, 'usr/lib/systemd/system'), { recursive: true, verbatimSymlinks: true });
  mkdirSync(join(dir, 'etc/systemd/system'), { recursive: true });
  for (const [name, text] of Object.entries(units)) writeFileSync(join(dir, 'etc/systemd/system', name), text);
  for (const path of stubs) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, path), 0o755);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ToolResult {
  code: number;
  /** stdout + stderr: systemd-analyze reports unknown keys and bad values as warnings, exit 0 */
  output: string;
}

export function runTool(command: string, args: string[]): Promise<ToolResult> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 20_000 }, (err, stdout, stderr) => {
      if (err?.code === 'ENOENT') {
        resolve({ code: 127, output: `${command} not found: install the apt package \`systemd\` (.ci/run does)` });
        return;
      }
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}`.trim() });
    });
  });
}

/** `systemd-analyze verify` on units of a scratch root; clean only when exit 0 and silent. */
export function verifyIn(root: ScratchRoot, names: string[]): Promise<ToolResult> {
  return runTool('systemd-analyze', ['verify', '--man=no', `--root=${root.dir}`, ...names]);
}

/** The same for units given as text, in a root of their own. */
export async function verifyUnits(units: Record<string, string>, stubs: string[]): Promise<ToolResult> {
  const root = makeScratchRoot(units, stubs);
  try {
    return await verifyIn(root, Object.keys(units));
  } finally {
    root.remove();
  }
}

/** `systemd-analyze security --offline`: the overall exposure score, 0 (safe) .. 10 (exposed). */
export async function exposureIn(root: ScratchRoot, unit: string): Promise<number> {
  const result = await runTool('systemd-analyze', ['security', '--offline=yes', '--no-pager', `--root=${root.dir}`, unit]);
  const score = /Overall exposure level for \S+: ([0-9.]+)/.exec(result.output);
  if (!score) throw new Error(`no exposure score in: ${result.output.slice(-500)}`);
  return Number(score[1]);
}
