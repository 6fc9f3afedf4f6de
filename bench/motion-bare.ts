/**
 * The servo latency's bare peer: the same Firmata bytes johnny-five sends for a servo move
 * (SERVO_CONFIG once, then an analog message of the pulse in µs) written straight to the
 * simulated board's pty with serialport, no controller, no johnny-five, no motion tick. What is
 * left is the limit of this setup: pty → USART at 57600 baud → StandardFirmata → the Servo
 * library's next 20 ms frame → the pulse on the pin.
 */
import { SerialPort } from 'serialport';
import { PULSE_MAX_US, PULSE_MIN_US } from '../src/controller/devices/motion/calibration';

const SYSEX_START = 0xf0;
const SYSEX_END = 0xf7;
const SERVO_CONFIG = 0x70;
const ANALOG_MESSAGE = 0xe0;

const lsb = (v: number) => v & 0x7f;
const msb = (v: number) => (v >> 7) & 0x7f;

export interface BareServo {
  /** Writes one pulse width; resolves once serialport has handed the bytes to the tty. */
  write(us: number): Promise<void>;
  close(): Promise<void>;
}

export async function openBareServo(path: string, pin: number): Promise<BareServo> {
  const port = await new Promise<SerialPort>((resolve, reject) => {
    const p = new SerialPort({ path, baudRate: 57600 }, (e) => (e ? reject(e) : resolve(p)));
  });
  port.on('data', () => undefined); // the board's reports are not needed; reading keeps the pty drained
  const send = (bytes: number[]) => new Promise<void>((resolve, reject) => port.write(Buffer.from(bytes), (e) => (e ? reject(e) : resolve())));
  if (pin > 15) throw new RangeError('analog messages address pins 0-15');
  await send([SYSEX_START, SERVO_CONFIG, pin, lsb(PULSE_MIN_US), msb(PULSE_MIN_US), lsb(PULSE_MAX_US), msb(PULSE_MAX_US), SYSEX_END]);
  return {
    write: (us) => send([ANALOG_MESSAGE | pin, lsb(Math.round(us)), msb(Math.round(us))]),
    close: () => new Promise<void>((resolve) => port.close(() => resolve())),
  };
}
