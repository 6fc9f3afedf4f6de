/**
 * Runs parsed udev rules against a described device, the way udevd would for the keys the
 * robot's rules use: what stable names, group, mode and properties a plugged-in device gets.
 * KERNELS/SUBSYSTEMS/DRIVERS/ATTRS of one rule must all match on the same device in the
 * chain (the device itself or one parent), as in udev.
 */
import type { UdevRule, UdevToken } from './udev-rules';

export interface SysDevice {
  kernel: string;
  subsystem: string;
  driver?: string;
  attrs?: Record<string, string>;
}

export interface DeviceEvent {
  action: 'add' | 'change' | 'remove';
  /** the device itself first, then its parents up to the USB device */
  chain: SysDevice[];
  env?: Record<string, string>;
}

export interface Outcome {
  symlinks: string[];
  group?: string;
  mode?: string;
  env: Record<string, string>;
}

/** udev patterns: * ? [...] and | between alternatives. */
export function globMatches(pattern: string, text: string): boolean {
  return pattern.split('|').some((alt) => {
    const re = alt.replace(/[.+^${}()\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${re}$`).test(text);
  });
}

const PARENT_KEYS = new Set(['KERNELS', 'SUBSYSTEMS', 'DRIVERS', 'ATTRS']);

function valueOf(t: UdevToken, device: SysDevice, event: DeviceEvent, env: Record<string, string>): string | undefined {
  switch (t.key) {
    case 'ACTION': return event.action;
    case 'KERNEL': case 'KERNELS': return device.kernel;
    case 'SUBSYSTEM': case 'SUBSYSTEMS': return device.subsystem;
    case 'DRIVER': case 'DRIVERS': return device.driver;
    case 'ATTR': case 'ATTRS': return device.attrs?.[t.attr!];
    case 'ENV': return env[t.attr!];
    default: throw new Error(`the evaluator does not know ${t.key}`);
  }
}

function tokenMatches(t: UdevToken, device: SysDevice, event: DeviceEvent, env: Record<string, string>): boolean {
  const actual = valueOf(t, device, event, env);
  const hit = actual !== undefined && globMatches(t.value, actual);
  return t.op === '==' ? hit : !hit;
}

function ruleMatches(rule: UdevRule, event: DeviceEvent, env: Record<string, string>): boolean {
  const matches = rule.tokens.filter((t) => t.op === '==' || t.op === '!=');
  const self = event.chain[0]!;
  const own = matches.filter((t) => !PARENT_KEYS.has(t.key));
  const parents = matches.filter((t) => PARENT_KEYS.has(t.key));
  if (!own.every((t) => tokenMatches(t, self, event, env))) return false;
  return parents.length === 0 || event.chain.some((d) => parents.every((t) => tokenMatches(t, d, event, env)));
}

/** %n: the kernel number (trailing digits of the kernel name); %k: the kernel name. */
function substitute(value: string, device: SysDevice): string {
  const number = /(\d+)$/.exec(device.kernel)?.[1] ?? '';
  return value.replace(/%n|\$number/g, number).replace(/%k|\$kernel/g, device.kernel).replace(/%%/g, '%');
}

export function applyRules(rules: UdevRule[], event: DeviceEvent): Outcome {
  const env: Record<string, string> = { ...(event.env ?? {}) };
  const out: Outcome = { symlinks: [], env };
  const self = event.chain[0]!;
  let skipTo: string | null = null;
  for (const rule of rules) {
    const label = rule.tokens.find((t) => t.key === 'LABEL');
    if (skipTo !== null) {
      if (label?.value !== skipTo) continue;
      skipTo = null;
    }
    if (!ruleMatches(rule, event, env)) continue;
    for (const t of rule.tokens) {
      if (t.op === '==' || t.op === '!=') continue;
      const v = substitute(t.value, self);
      if (t.key === 'SYMLINK') out.symlinks = t.op === '+=' ? [...out.symlinks, ...v.split(/\s+/)] : v.split(/\s+/);
      else if (t.key === 'GROUP') out.group = v;
      else if (t.key === 'MODE') out.mode = v;
      else if (t.key === 'ENV') env[t.attr!] = v;
      else if (t.key === 'GOTO') skipTo = v;
    }
    if (skipTo !== null && label?.value === skipTo) skipTo = null;
  }
  return out;
}
