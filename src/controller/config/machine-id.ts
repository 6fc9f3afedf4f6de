/**
 * The robot id a production file may leave out. Derived, not fixed: the README's example copied
 * as is onto two robots must give two identities (one shared id makes the center refuse the
 * second robot). The machine's id (systemd's /etc/machine-id, else the hostname) with the data
 * folder keeps it stable across restarts and distinct for two installs on one machine; hashed so
 * it fits the schema and says nothing about the machine.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

let machine: string | undefined;

function machineId(): string {
  if (machine === undefined) {
    try {
      machine = readFileSync('/etc/machine-id', 'utf8').trim().slice(0, 200);
    } catch {
      machine = '';
    }
    if (!machine) machine = hostname();
  }
  return machine;
}

/** "robot-" and 12 hex digits: within the schema's `robotId` pattern. */
export function machineRobotId(dataDir: string): string {
  return `robot-${createHash('sha256').update(`${machineId()}\0${resolve(dataDir)}`).digest('hex').slice(0, 12)}`;
}
