/**
 * A stand-in for the node-hid module at its API boundary: a mutable device list and devices
 * that are EventEmitters the test makes emit 'data' reports or 'error' (unplug). Each call
 * makes a fresh, independent fake.
 */
import { EventEmitter } from 'node:events';
import type { HidDeviceInfo, NodeHidModule } from '../../../src/controller/devices/scanner/hid-scanner';

export class FakeHidDevice extends EventEmitter {
  closed = false;
  constructor(readonly path: string) {
    super();
  }
  close(): void {
    this.closed = true;
  }
  /** Replays one input report as node-hid delivers it (a Buffer). */
  report(bytes: number[]): void {
    this.emit('data', Buffer.from(bytes));
  }
}

export function fakeNodeHid(initial: HidDeviceInfo[]) {
  const state = { list: [...initial], opened: [] as FakeHidDevice[], failOpen: false };
  const module: NodeHidModule = {
    devices: () => state.list.map((d) => ({ ...d })),
    HID: class {
      constructor(path: string) {
        if (state.failOpen) throw new Error('cannot open device with path ' + path);
        if (!state.list.some((d) => d.path === path)) throw new Error('cannot open device with path ' + path);
        const device = new FakeHidDevice(path);
        state.opened.push(device);
        return device;
      }
    } as unknown as NodeHidModule['HID'],
  };
  return { state, module, last: () => state.opened[state.opened.length - 1] };
}

export async function waitFor(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
