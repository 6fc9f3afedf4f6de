/**
 * The robot's health report, from the parts that exist: the devices and the store first (the
 * center link's heartbeat carries those), then the whole report with the link itself. Uptime is
 * counted on the robot's one clock.
 */
import type { HealthReport, PartStatus } from '../../contract';
import type { DeviceHealth } from '../../contract/sync';
import type { RobotConfig } from '../config/schema';
import { motionHealth } from '../devices/motion/create-motion';
import type { MotionPort } from '../devices/motion/port';
import type { PrinterPort } from '../devices/printer/port';
import type { Scanning } from '../scanning';
import type { CenterLink } from '../sync/create-sync';
import { VERSION } from '../version';
import type { VoiceWiring } from '../voice';

export interface Parts {
  printer: PrinterPort;
  motion: MotionPort;
  scanning: Scanning;
  voice: VoiceWiring;
  /** Whether the store's database is open. */
  storeOpen: () => boolean;
}

export interface PartsHealth {
  uptimeSeconds(): number;
  devices(): HealthReport['devices'];
  store(): PartStatus;
  /** What the heartbeat carries: devices, store and uptime. */
  forCenter(): Pick<DeviceHealth, 'parts' | 'uptimeSeconds'>;
}

export function partsHealth(parts: Parts, now: () => Date): PartsHealth {
  const startedAt = now().getTime();
  const devices = () => ({ printer: parts.printer.status(), motion: motionHealth(parts.motion), ...parts.scanning.health(), ...parts.voice.health() });
  const store = (): PartStatus => ({ state: parts.storeOpen() ? 'ok' : 'fault', adapter: 'sqlite' });
  // never below zero: the wall clock may be set back while the robot runs
  const uptimeSeconds = () => Math.max(0, Math.round((now().getTime() - startedAt) / 1000));
  return { uptimeSeconds, devices, store, forCenter: () => ({ uptimeSeconds: uptimeSeconds(), parts: { ...devices(), store: store() } }) };
}

export function robotHealth(config: RobotConfig, parts: PartsHealth, link: CenterLink | null): () => HealthReport {
  return () => ({
    robotId: config.robotId,
    version: VERSION,
    profile: config.profile,
    uptimeSeconds: parts.uptimeSeconds(),
    devices: parts.devices(),
    store: parts.store(),
    sync: link ? link.client.status() : { state: 'disabled', adapter: 'none' },
    ...(link ? { center: link.status() } : {}),
  });
}
