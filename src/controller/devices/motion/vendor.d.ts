// Minimal typings for the parts of johnny-five and firmata-io this adapter uses (neither ships types).
declare module 'johnny-five' {
  import { EventEmitter } from 'node:events';
  export interface BoardOptions {
    io: unknown;
    repl?: boolean;
    debug?: boolean;
    sigint?: boolean;
    timeout?: number;
  }
  export class Board extends EventEmitter {
    constructor(options: BoardOptions);
    readonly isReady: boolean;
    /** johnny-five's own connect timeout. */
    timer: ReturnType<typeof setTimeout> | null;
    /** Every Board ever made, kept by johnny-five for its components. */
    static readonly cache: Board[];
  }
  const five: { Board: typeof Board };
  export default five;
}

declare module 'firmata-io' {
  import { EventEmitter } from 'node:events';
  export class Firmata extends EventEmitter {
    constructor(transport: unknown, options?: { reportVersionTimeout?: number; samplingInterval?: number });
    readonly MODES: { INPUT: number; OUTPUT: number; PWM: number; SERVO: number; PULLUP: number };
    readonly isReady: boolean;
    pinMode(pin: number, mode: number): void;
    digitalWrite(pin: number, value: 0 | 1): void;
    digitalRead(pin: number, callback: (value: number) => void): void;
    pwmWrite(pin: number, value: number): void;
    servoConfig(pin: number, min: number, max: number): void;
    servoWrite(pin: number, value: number): void;
    reportVersion(callback: () => void): void;
  }
  const bindTransport: ((transport: unknown) => typeof Firmata) & { Firmata: typeof Firmata };
  export default bindTransport;
}
