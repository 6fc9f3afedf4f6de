/** Reconnection timing of the real link while the board's tty is absent (no serial I/O happens). */
import fs from 'node:fs';
import { JohnnyFiveLink } from '../../../src/controller/devices/motion/johnny-five-link';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

test('while the tty is absent the link retries with exponential backoff, capped, without status spam', async () => {
  jest.useFakeTimers();
  const probes: number[] = [];
  const start = Date.now();
  const spy = jest.spyOn(fs, 'existsSync').mockImplementation(() => {
    probes.push(Date.now() - start);
    return false;
  });
  const link = new JohnnyFiveLink({
    path: '/dev/lobby-board-test', baudRate: 57600, readyTimeoutMs: 5000, heartbeatMs: 1000, heartbeatTimeoutMs: 1000,
    reconnectInitialMs: 100, reconnectMaxMs: 800, inputPins: [2, 4], log: silent,
  });
  const statuses: unknown[] = [];
  link.on('status', (s) => statuses.push(s));
  try {
    link.start();
    jest.advanceTimersByTime(100 + 200 + 400 + 800 + 800);
    expect(probes).toEqual([0, 100, 300, 700, 1500, 2300]);
    expect(link.status).toBe('disconnected');
    expect(link.code).toBe('MOTION_DISCONNECTED');
    expect(statuses).toEqual([]);
    expect(() => link.servoWrite(7, 1500)).toThrow(expect.objectContaining({ code: 'MOTION_NOT_READY' }));
    await link.close();
    jest.advanceTimersByTime(10_000);
    expect(probes).toHaveLength(6); // closed: no more attempts
  } finally {
    await link.close();
    spy.mockRestore();
    jest.useRealTimers();
  }
});
