/**
 * serialport, firmata-io and johnny-five are required when a serial device is first opened, not
 * when the program starts: together ~130 ms of start-up (measured: johnny-five 87 ms, serialport
 * 42 ms) that the center, every command but `start`, and a robot without a board or serial
 * printer never use. Node caches a module, so each later call is a lookup.
 */
import type { SerialPort } from 'serialport';

/* eslint-disable @typescript-eslint/no-require-imports -- the point of this module is the deferred require */
export const serialPortClass = (): typeof SerialPort => (require('serialport') as typeof import('serialport')).SerialPort;
export const johnnyFive = (): (typeof import('johnny-five'))['default'] => require('johnny-five') as (typeof import('johnny-five'))['default'];
export const firmataIo = (): (typeof import('firmata-io'))['default'] => require('firmata-io') as (typeof import('firmata-io'))['default'];
/* eslint-enable @typescript-eslint/no-require-imports */
