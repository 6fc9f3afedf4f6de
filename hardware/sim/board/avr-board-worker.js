'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS worker: see below why it is not TypeScript */
/**
 * The simulated motor/LED board: an ATmega328P (avr8js) running the real StandardFirmata hex,
 * its USART bridged to a pseudo-terminal made by socat, so the controller opens it with
 * serialport exactly as it opens a USB board.
 *
 * Runs in a worker_thread (see index.ts for why). Plain CommonJS on purpose: a worker cannot
 * load TypeScript under Node 20, and this file must run the same from the source tree (jest)
 * and from dist/ (npm start) without a build step of its own.
 *
 * What the main thread can read synchronously lives in a SharedArrayBuffer (layout below):
 * simulated time and, per Arduino pin, the level, edges, last high-pulse width and PWM period,
 * all measured from port writes against the CPU cycle counter.
 */
const { parentPort, workerData } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const avr = require('avr8js');

const F_CPU = 16e6;
const CYCLES_PER_US = F_CPU / 1e6;
/**
 * One slice of simulated time between looks at the event loop (pty bytes, messages): 2 ms unless
 * the owner asks for another (`sliceMs`). A byte from the controller waits for the slice to end,
 * so the slice bounds the simulator's own share of any latency measured through it. 0.5 ms slices
 * (the motion bench) cut that share but cost four times the wake-ups, and on a loaded 2-core CI
 * machine the e-stop test's 100 ms bound then failed: the suite keeps 2 ms.
 */
const SLICE_CYCLES = Math.round(16000 * (workerData.sliceMs > 0 ? workerData.sliceMs : 2));
/** A pulse width counts as changed when it moves by more than this (Servo ISR jitter reaches ~3.5 µs). */
const WIDTH_CHANGE_US = 6;

// SharedArrayBuffer layout (Float64): [0] simulated µs, [1] boots, then PIN_STRIDE per pin.
const HEADER = 4;
const PIN_COUNT = 20;
const PIN_STRIDE = 8;
const F = { level: 0, riseUs: 1, fallUs: 2, highUs: 3, periodUs: 4, widthChangedUs: 5, pulses: 6, lowUs: 7 };

const shared = new Float64Array(workerData.shared);
const { hexPath, linkPath, speed, socatPath } = workerData;

/** Arduino Uno pin number -> [port letter, bit]. */
function portOfPin(pin) {
  if (pin < 8) return ['D', pin];
  if (pin < 14) return ['B', pin - 8];
  return ['C', pin - 14];
}

function loadIntelHex(text) {
  const program = new Uint16Array(0x8000 / 2);
  const bytes = new Uint8Array(program.buffer);
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith(':')) continue;
    const count = parseInt(line.slice(1, 3), 16);
    const address = parseInt(line.slice(3, 7), 16);
    const type = parseInt(line.slice(7, 9), 16);
    if (type !== 0) continue;
    for (let i = 0; i < count; i++) bytes[address + i] = parseInt(line.slice(9 + i * 2, 11 + i * 2), 16);
  }
  return program;
}

const program = loadIntelHex(readFileSync(hexPath, 'utf8'));

let mcu = null;
let socat = null;
const rxQueue = [];
let running = false;
let closing = false;

/** A fresh power-up: new CPU, peripherals and pin observers (what plugging in USB does to an Uno). */
function boot() {
  const cpu = new avr.CPU(new Uint16Array(program));
  new avr.AVRTimer(cpu, avr.timer0Config);
  new avr.AVRTimer(cpu, avr.timer1Config);
  new avr.AVRTimer(cpu, avr.timer2Config);
  new avr.AVRADC(cpu, avr.adcConfig);
  const usart = new avr.AVRUSART(cpu, avr.usart0Config, F_CPU);
  const ports = {
    B: new avr.AVRIOPort(cpu, avr.portBConfig),
    C: new avr.AVRIOPort(cpu, avr.portCConfig),
    D: new avr.AVRIOPort(cpu, avr.portDConfig),
  };
  shared[0] = 0; // simulated time counts from this power-up
  for (let pin = 0; pin < PIN_COUNT; pin++) {
    const base = HEADER + pin * PIN_STRIDE;
    for (let f = 0; f < PIN_STRIDE; f++) shared[base + f] = 0;
  }
  for (const [letter, first] of [['D', 0], ['B', 8], ['C', 14]]) {
    ports[letter].addListener((value, old) => {
      const changed = value ^ old;
      if (!changed) return;
      const nowUs = cpu.cycles / CYCLES_PER_US;
      for (let bit = 0; bit < 8; bit++) {
        if (!(changed & (1 << bit)) || first + bit >= PIN_COUNT) continue;
        observeEdge(first + bit, (value >> bit) & 1, nowUs);
      }
    });
  }
  usart.onByteTransmit = (byte) => {
    if (socat && socat.stdin.writable) socat.stdin.write(Buffer.of(byte));
  };
  usart.onRxComplete = () => feedRx();
  mcu = { cpu, usart, ports };
  shared[1] += 1;
}

function observeEdge(pin, level, nowUs) {
  const base = HEADER + pin * PIN_STRIDE;
  shared[base + F.level] = level;
  if (level) {
    if (shared[base + F.riseUs] > 0) shared[base + F.periodUs] = nowUs - shared[base + F.riseUs];
    if (shared[base + F.fallUs] > 0) shared[base + F.lowUs] = nowUs - shared[base + F.fallUs];
    shared[base + F.riseUs] = nowUs;
    return;
  }
  shared[base + F.fallUs] = nowUs;
  if (shared[base + F.riseUs] <= 0) return;
  const width = nowUs - shared[base + F.riseUs];
  if (Math.abs(width - shared[base + F.highUs]) > WIDTH_CHANGE_US) shared[base + F.widthChangedUs] = nowUs;
  shared[base + F.highUs] = width;
  shared[base + F.pulses] += 1;
}

/** Bytes from the controller enter the USART at the configured baud rate, like a real UART. */
function feedRx() {
  if (!mcu || mcu.usart.rxBusy || rxQueue.length === 0) return;
  if (mcu.usart.writeByte(rxQueue[0])) rxQueue.shift();
}

function startBridge() {
  return new Promise((resolve, reject) => {
    const child = spawn(socatPath, [`pty,raw,echo=0,link=${linkPath}`, 'STDIO'], { stdio: ['pipe', 'pipe', 'pipe'] });
    socat = child;
    let stderr = '';
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-2000); });
    child.stdout.on('data', (chunk) => {
      // a real UART has a small FIFO; bound the queue so a runaway sender cannot eat memory
      for (const b of chunk) if (rxQueue.length < 65536) rxQueue.push(b);
      feedRx();
    });
    child.stdin.on('error', () => { /* the bridge went away; unplug handles it */ });
    child.on('error', (e) => reject(new Error(`cannot run socat (apt-get install socat): ${e.message}`)));
    child.on('exit', (code, signal) => {
      if (socat === child) socat = null;
      if (!closing && !child.stopping && code !== 0 && signal == null) parentPort.postMessage({ type: 'bridge-exit', code, stderr });
    });
    const started = Date.now();
    const wait = () => {
      if (existsSync(linkPath)) return resolve();
      if (child.exitCode != null) return reject(new Error(`socat exited (${child.exitCode}): ${stderr.trim()}`));
      if (Date.now() - started > 5000) return reject(new Error(`socat did not create ${linkPath}: ${stderr.trim()}`));
      setTimeout(wait, 5);
    };
    wait();
  });
}

function stopBridge() {
  return new Promise((resolve) => {
    const child = socat;
    socat = null;
    if (child) child.stopping = true;
    rxQueue.length = 0;
    if (!child || child.exitCode != null || child.signalCode != null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// The AVR runs in slices; between slices the worker's event loop moves pty bytes and messages.
// With a finite `speed` the loop waits so that simulated time runs at speed × wall time.
let paceStartWall = 0;
let paceStartUs = 0;
function run() {
  if (!running || !mcu) return;
  const { cpu } = mcu;
  const end = cpu.cycles + SLICE_CYCLES;
  while (cpu.cycles < end) {
    avr.avrInstruction(cpu);
    cpu.tick();
  }
  feedRx();
  const simUs = cpu.cycles / CYCLES_PER_US;
  shared[0] = simUs;
  if (Number.isFinite(speed)) {
    const aheadMs = (simUs - paceStartUs) / 1000 / speed - (performance.now() - paceStartWall);
    if (aheadMs > 1) return void setTimeout(run, aheadMs);
  }
  setImmediate(run);
}

function startRunning() {
  running = true;
  paceStartWall = performance.now();
  paceStartUs = mcu.cpu.cycles / CYCLES_PER_US;
  setImmediate(run);
}

async function handle(msg) {
  switch (msg.type) {
    case 'input': {
      const [letter, bit] = portOfPin(msg.pin);
      if (mcu) mcu.ports[letter].setPin(bit, !!msg.level);
      return { simUs: mcu ? mcu.cpu.cycles / CYCLES_PER_US : 0 };
    }
    case 'hang':
      running = false; // firmware crashed / brown-out: the tty stays, nothing answers
      return {};
    case 'unplug':
      running = false;
      await stopBridge();
      mcu = null; // USB power gone: the board is off
      return {};
    case 'replug':
      await stopBridge();
      boot();
      await startBridge();
      startRunning();
      return {};
    case 'close':
      closing = true;
      running = false;
      await stopBridge();
      return {};
    default:
      throw new Error(`unknown message ${msg.type}`);
  }
}

parentPort.on('message', (msg) => {
  handle(msg).then(
    (result) => parentPort.postMessage({ type: 'reply', id: msg.id, ok: true, ...result }),
    (e) => parentPort.postMessage({ type: 'reply', id: msg.id, ok: false, error: String(e && e.message ? e.message : e) }),
  );
});

boot();
startBridge().then(
  () => {
    startRunning();
    parentPort.postMessage({ type: 'started' });
  },
  (e) => parentPort.postMessage({ type: 'start-failed', error: String(e.message) }),
);
