/**
 * In the simulator profile the ticket's QR points at the embedded center's phone page: the QR is
 * read off the virtual printer's paper (as a phone would) and opened in Chromium at 390×844, where
 * it shows the ticket in the language the visitor chose at the robot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { WaitStrings } from '../../src/contract';
import { sayWait } from '../../src/core/queue';
import { startVirtualPrinter, type VirtualPrinter } from '../../hardware/sim/virtual-printer/server';
import { launchChromium } from '../support/browser';
import { paperWithQr, qrOnPaper } from '../support/paper-qr';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { screenshot } from '../support/center-pages';
import { openApi, request } from '../support/ws-client';

describe('the ticket QR of a simulator robot', () => {
  let printer: VirtualPrinter;
  let robot: RobotProcess;
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
    await printer?.close();
  });

  it('opens the ticket\'s status on the embedded center, in the ticket\'s language', async () => {
    printer = await startVirtualPrinter();
    const config = writeConfig(tempDir(), {
      profile: 'simulator', robotId: 'robot-e2e-qr', printer: { adapter: 'tcp', host: '127.0.0.1', port: printer.port },
      queue: { simulatedClockStart: '2026-11-30T09:00:00+07:00' },
    });
    robot = await startRobot(['--config', config]);
    const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"embedded center/.exec(robot.output());
    if (!m) throw new Error(`no embedded center in the robot's log:\n${robot.output()}`);
    const centerUrl = m[1]!;

    const { ws } = await openApi(robot.url, { token: robot.token });
    await request(ws!, { v: 1, id: 'h', type: 'hello', payload: { client: 'test' } }, 'h');
    const issued = await request(ws!, { v: 1, id: 't', type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'ko' } }, 't');
    ws!.close();
    expect(issued).toMatchObject({ ok: true });
    const ticket = (issued.result as { ticket: { id: string; display: string } }).ticket;

    const job = await paperWithQr(printer, `${centerUrl}/t/`, 15_000);
    expect(job).toBeDefined();
    const url = qrOnPaper(job!.png)!;
    expect(url).toBe(`${centerUrl}/t/${ticket.id}`);

    browser = await launchChromium();
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(url);
    // the robot syncs the ticket to its center within seconds; the page follows the center's stream
    await phone.waitForFunction(() => document.documentElement.lang === 'ko' && document.getElementById('service') !== null, undefined, { timeout: 30_000 });
    expect(await phone.textContent('#display')).toBe(ticket.display);
    expect(await phone.textContent('#service')).toBe('출생 등록');
    // first in line: the same words as the robot's screen and paper (core's sayWait over ko/wait.json)
    const ko = WaitStrings.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', 'locales', 'ko', 'wait.json'), 'utf8')));
    expect(await phone.textContent('#ahead')).toBe(sayWait({ peopleAhead: 0, minMinutes: 0, maxMinutes: 0 }, ko).ahead);
    await screenshot(phone, 'phone-from-qr-ko');
  }, 90_000);
});
