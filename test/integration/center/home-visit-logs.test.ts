/**
 * Data protection: a whole home visit journey against the center as operators run it (the
 * `lobby-robot center` process, its log written to a file at the most talkative level), with a
 * refused request and a failed status lookup on the way; afterwards neither the phone number,
 * the street nor the name appears anywhere in the log file.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { businessDay } from '../../../src/core/business-day';
import { bearer, call, tempDataDir } from './harness';
import { PHONE, STREET, visitRequest } from './home-visit-fixtures';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'lobby-robot.js');

function waitForLog(file: string, pattern: RegExp, exited: () => boolean): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const look = () => {
      const m = pattern.exec(readFileSync(file, 'utf8'));
      if (m) return resolve(m);
      if (exited()) return reject(new Error(`the center exited: ${readFileSync(file, 'utf8')}`));
      setTimeout(look, 50);
    };
    look();
  });
}

describe('home visits and the center\'s log file', () => {
  it('holds neither the phone nor the street nor the name after a journey', async () => {
    const dir = tempDataDir();
    const logFile = join(dir, 'center.log');
    const fd = openSync(logFile, 'w');
    const child = spawn(process.execPath, [BIN, 'center', '--host', '127.0.0.1', '--port', '0', '--data', join(dir, 'data')], {
      stdio: ['ignore', fd, fd], env: { ...process.env, LOG_LEVEL: 'trace' },
    });
    closeSync(fd);
    let exited = false;
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }));
    try {
      const url = (await waitForLog(logFile, /center listening on (http:\/\/127\.0\.0\.1:\d+)/, () => exited))[1]!;
      const staff = `Staff ${readFileSync(join(dir, 'data', 'staff-key'), 'utf8').trim()}`;
      const code = (await call(url, 'POST', '/v1/admin/enrolment-codes', {}, staff)).body.code;
      const robot = bearer((await call(url, 'POST', '/v1/enrol', { code, robotId: 'robot-1', version: 'test' })).body.device.token);

      expect((await call(url, 'POST', '/v1/home-visits', visitRequest({ surname: 'x' }), robot)).status).toBe(400);
      expect((await call(url, 'POST', '/v1/home-visits', visitRequest({ phone: `${PHONE}9` }), robot)).body.error.code).toBe('BOOKING_PHONE_INVALID');
      // the process runs on the real clock: days from today
      const today = businessDay(new Date());
      const made = await call(url, 'POST', '/v1/home-visits', visitRequest({ preferredDays: [today] }), robot);
      expect(made.status).toBe(201);
      const id = made.body.visit.visitId;
      expect((await call(url, 'GET', '/v1/home-visits', undefined, staff)).body.visits[0].phone).toBe(PHONE);
      expect((await call(url, 'POST', `/v1/home-visits/${id}/schedule`, { day: '2099-01-01', time: '09:00', staffName: 'Trần Thị Bình' }, staff)).status).toBe(400);
      expect((await call(url, 'POST', `/v1/home-visits/${id}/done`, {}, staff)).status).toBe(409);
      expect((await call(url, 'POST', `/v1/home-visits/${id}/schedule`, { day: today, time: '23:59', staffName: 'Trần Thị Bình' }, staff)).status).toBe(200);
      expect((await call(url, 'POST', `/v1/home-visits/${id}/done`, {}, staff)).status).toBe(200);
      expect((await call(url, 'GET', new URL(made.body.statusUrl).pathname.replace('/v/', '/v1/home-visits/status/'))).body.visit.status).toBe('done');
      expect((await call(url, 'GET', `/v1/home-visits/status/${PHONE}${PHONE}${PHONE}`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    }
    const log = readFileSync(logFile, 'utf8');
    // the journey was logged (by ids), so an empty file cannot pass
    expect(log).toContain('home visit requested');
    expect(log).toContain('home visit changed');
    expect([PHONE, PHONE.slice(1), STREET, 'Nguyễn Trãi', 'Nguyễn Văn An', 'Trần Thị Bình'].filter((s) => log.includes(s))).toEqual([]);
  }, 60_000);
});
