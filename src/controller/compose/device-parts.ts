/**
 * The devices, each from its config and what exists before it: the printer, the motion board,
 * the scanners and the voice. Each is closed on shutdown and announces its status changes, scans
 * and microphone levels as robot events (./robot-events.ts) instead of calling the parts that
 * need them, which are made later.
 */
import type { RobotConfig } from '../config/schema';
import { createMotion } from '../devices/motion/create-motion';
import type { MotionPort } from '../devices/motion/port';
import { createPrinter } from '../devices/printer/create-printer';
import type { PrinterPort } from '../devices/printer/port';
import type { Logger } from '../log';
import { startScanning, type Scanning } from '../scanning';
import type { Teardown } from '../teardown';
import { startVoice, type VoiceWiring } from '../voice';
import type { RobotEvents } from './robot-events';

export interface DeviceDeps {
  config: RobotConfig;
  log: Logger;
  now: () => Date;
  events: RobotEvents;
  opened: Teardown;
}

export function openPrinter({ config, events, opened }: DeviceDeps, simulatorPort: number | undefined): PrinterPort {
  const printer = createPrinter(config.printer, { simulatorPort });
  opened.add('printer', () => printer.close());
  printer.onStatus(() => events.statusChanged());
  return printer;
}

export function openMotion({ config, log, events, opened }: DeviceDeps, simulatorPath: string | undefined): MotionPort {
  const motion = createMotion(config.motion, { dataDir: config.dataDir, log, simulatorPath, defaultBehaviour: 'idle' });
  opened.add('motion', () => motion.close());
  motion.on('status', () => events.statusChanged());
  motion.on('estop', () => events.statusChanged());
  motion.on('presence', (present) => events.broadcast('presence.changed', { present }));
  return motion;
}

export async function openScanning({ config, log, now, events, opened }: DeviceDeps): Promise<Scanning> {
  const scanning = await startScanning(config, {
    log, now,
    onScan: (e) => {
      events.scanned(e);
      events.broadcast('code.scanned', e);
    },
  });
  opened.add('scanners', () => scanning.close());
  return scanning;
}

export async function openVoice({ config, log, events, opened }: DeviceDeps, motion: MotionPort): Promise<VoiceWiring> {
  const voice = await startVoice(config, {
    log, motion,
    onState: (e) => events.broadcast('voice.state', e),
    onWake: (e) => events.broadcast('voice.wake', e),
    onHealth: () => events.statusChanged(),
    onAudioSample: (s) => events.audioSample(s),
  });
  opened.add('voice', () => voice.close());
  return voice;
}
