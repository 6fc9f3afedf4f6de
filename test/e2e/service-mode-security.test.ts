/**
 * Service mode's security on the built robot: the API refuses service commands without a session
 * (server side, not only the UI), each action leaves an audit row, the exported bundle holds no
 * token, key or PIN hash, and five wrong PINs lock entry out, also across a restart. A dropped
 * connection does not end the technician's screen; a session that ended meanwhile does.
 */
import { readFileSync } from 'node:fs';
import type { Browser, WebSocketRoute } from 'playwright-core';
import { API_PROTOCOL_VERSION } from '../../src/contract';
import { hashPin } from '../../src/controller/service-mode/pin';
import { launchChromium } from '../support/browser';
import { openKiosk } from '../support/kiosk';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { openApi, request } from '../support/ws-client';
import { encodeBadgeCode } from '../../src/core/codes';
import { makeCenterKeys } from '../unit/codes/center-keys';
import { auditAfterLogout, auditDeliveredToCenter, enterService, openPinPad, readAudit, typePin } from './service/helpers';

const PIN = '135790';
const WRONG = '111111';

describe('service mode: session, audit, bundle and lock-out', () => {
  let browser: Browser;
  let robot: RobotProcess | undefined;
  let configFile: string;
  let pinHash: string;
  const center = makeCenterKeys();
  const publicKey = center.publicKeyBase64;
  const dataDir = tempDir('service-sec-data-');

  beforeAll(async () => {
    pinHash = await hashPin(PIN);
    configFile = writeConfig(tempDir('service-sec-'), {
      profile: 'simulator', robotId: 'robot-svc-sec', printer: { adapter: 'simulator' }, motion: { adapter: 'none' },
      codes: { centerPublicKeys: [publicKey] },
      service: { pinHash, lockoutBaseSeconds: 600 },
    });
    robot = await startRobot(['--config', configFile, '--data', dataDir]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
  });

  it('refuses service commands without a valid session, whatever the UI shows', async () => {
    const { ws } = await openApi(robot!.url, { token: robot!.token });
    const send = (type: string, payload: unknown) => request(ws!, { v: API_PROTOCOL_VERSION, id: type, type, payload }, type);
    await expect(send('service.overview', { session: 'ab'.repeat(32) })).resolves.toMatchObject({ ok: false, error: { code: 'SERVICE_SESSION_INVALID' } });
    await expect(send('service.logs.export', {})).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    await expect(send('service.board.move', { session: 'cd'.repeat(32), servo: 'headPan', angle: 10 })).resolves.toMatchObject({ ok: false, error: { code: 'SERVICE_SESSION_INVALID' } });
    ws!.close();
  });

  it('audits each action and exports a bundle without token, key or PIN hash', async () => {
    const page = await openKiosk(browser, robot!.url, robot!.token);
    await enterService(page, PIN);

    // scanner live test: what was read, its detected format and decoded fields
    await page.locator('[data-panel="scanner"]').click();
    await page.locator('[data-testid="scan-input"]').fill('000.00.01.H29-260115-0042');
    await page.locator('[data-action="scan-test"]').click();
    await expect(page.locator('[data-testid="scan-reads"] tr[data-format="dossier"]').textContent()).resolves.toContain('"sequence":42');

    await page.locator('[data-panel="printer"]').click();
    await page.locator('[data-action="test-page"]').click();
    await page.locator('[data-testid="test-page-result"]').waitFor();
    await page.locator('[data-setting="printer.density"]').selectOption('2');
    await expect(page.locator('[data-testid="setting-result"]').getAttribute('data-applied')).resolves.toBe('live');

    await page.locator('[data-panel="settings"]').click();
    await page.locator('[data-setting="screen.idleSeconds"]').fill('90');
    await page.locator('[data-save="screen.idleSeconds"]').click();
    await expect(page.locator('[data-testid="setting-result"]').getAttribute('data-applied')).resolves.toBe('restart');
    await page.locator('[data-panel="overview"]').click();
    await expect(page.locator('[data-testid="restart-pending"]').textContent()).resolves.toContain('Màn hình chờ'); // the setting's label, never its key
    // both changes reached the config file, validated; the PIN hash stays where it was
    const written = JSON.parse(readFileSync(configFile, 'utf8')) as { printer: { density: number }; screen: { idleSeconds: number }; service: { pinHash: string } };
    expect(written).toMatchObject({ printer: { density: 2 }, screen: { idleSeconds: 90 }, service: { pinHash } });

    await page.locator('[data-panel="logs"]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export"]').click()]);
    const bundle = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^lobby-robot-robot-svc-sec-.*\.json$/);
    expect(JSON.parse(bundle)).toMatchObject({ bundle: { robotId: 'robot-svc-sec' }, config: { robotId: 'robot-svc-sec' } });
    for (const secret of [robot!.token, pinHash, pinHash.split('$').pop()!, publicKey, 'scrypt$']) expect(bundle).not.toContain(secret);
    await page.locator('[data-testid="audit-rows"] [data-action="service.logs.export"]').waitFor();

    await page.locator('[data-action="exit"]').click();
    const rows = await auditAfterLogout(dataDir);
    expect(rows.map((r) => r.action)).toEqual([
      'service.login', 'service.printer.testPage', 'service.settings.set', 'service.settings.set', 'service.logs.export', 'service.logout',
    ]);
    expect(rows[2]).toMatchObject({ actor: 'pin', detail: { key: 'printer.density', old: null, new: 2, applied: 'live', persisted: true } });
    expect(rows[3]).toMatchObject({ detail: { key: 'screen.idleSeconds', old: 60, new: 90, applied: 'restart' } });
    // every row also reaches the center (the embedded one here), exactly once
    expect(await auditDeliveredToCenter(dataDir)).toEqual({ rows: rows.length, atCenter: rows.length, outbox: 0 });
    await page.close();
  });

  it('a technician badge scanned on the robot opens the PIN pad; the badge is the audited actor', async () => {
    const page = await openKiosk(browser, robot!.url, robot!.token);
    await page.locator('[data-testid="service-corner"]').waitFor({ state: 'attached' });
    const now = Math.floor(Date.now() / 1000);
    const badge = encodeBadgeCode({ b: 'TECH-0042', r: 'technician', i: now - 60, x: now + 3600 }, center.sign);
    // the same path as a scanner read: the controller parses and verifies it, then broadcasts it
    const { ws } = await openApi(robot!.url, { token: robot!.token });
    await request(ws!, { v: API_PROTOCOL_VERSION, id: 's', type: 'code.submit', payload: { text: badge, source: 'typed' } }, 's');
    ws!.close();
    await page.locator('[data-testid="service-pin"]').waitFor();
    await typePin(page, PIN);
    await page.locator('[data-panel="overview"]').waitFor();
    await page.locator('[data-action="exit"]').click();
    const logins = readAudit(dataDir).rows.filter((r) => r.action === 'service.login');
    expect(logins.at(-1)).toMatchObject({ actor: 'badge:TECH-0042', detail: { via: 'badge' } });
    await page.close();
  });

  it('a connection that drops for a moment keeps the technician in service mode (the session holds, the next command works); a session that ended meanwhile closes it at the next touch', async () => {
    const page = await browser.newPage();
    // the page's clock flows on its own; the test jumps it past the keep-alive's 15 s
    await page.clock.install();
    const sockets: WebSocketRoute[] = [];
    let offline = false;
    await page.routeWebSocket(/\/api\?/, (ws) => {
      // while "offline", every reconnection attempt is hung up at once
      if (offline) return void ws.close();
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => ws.send(m));
      sockets.push(ws);
    });
    await page.goto(`${robot!.url}#token=${robot!.token}`);
    await enterService(page, PIN);
    await page.clock.fastForward(16_000);
    // the robot's socket drops and stays down; the next touch pings the session and cannot reach the controller
    offline = true;
    await sockets.at(-1)!.close();
    await page.locator('.connection').waitFor();
    await page.locator('[data-panel="printer"]').click();
    await page.clock.runFor(2_000);
    expect(await page.locator('[data-testid="service-mode"] [data-panel="overview"]').count()).toBe(1);
    // the panel opened without an answer: a dash, not empty brackets, and the outage said in a sentence
    await expect(page.locator('[data-testid="printer-status"]').textContent()).resolves.toBe('Trạng thái: –');
    await expect(page.locator('.service-mode [role="alert"]').textContent()).resolves.toContain('chưa kết nối được với robot');
    // nor does the log panel claim "no errors" when it could not ask
    await page.locator('[data-panel="logs"]').click();
    await page.locator('[data-testid="by-code-unknown"]').waitFor();
    // back online (the page reconnects by itself): no PIN asked again, and a command on the same session answers
    offline = false;
    await page.locator('.connection').waitFor({ state: 'detached' });
    expect(sockets.length).toBeGreaterThan(1);
    await page.locator('[data-panel="settings"]').click();
    await page.locator('[data-current="screen.idleSeconds"]').waitFor();
    expect(await page.locator('[data-testid="service-pin"]').count()).toBe(0);

    // a session that ends while the page is cut off (another login replaces it; the page misses the
    // event) closes service mode at the next touch, when the controller refuses the ping
    offline = true;
    await sockets.at(-1)!.close();
    await page.locator('.connection').waitFor();
    const { ws } = await openApi(robot!.url, { token: robot!.token });
    const send = (type: string, payload: unknown) => request(ws!, { v: API_PROTOCOL_VERSION, id: type, type, payload }, type);
    const other = (await send('service.login', { pin: PIN, via: 'gesture' })) as { result: { ok: boolean; session: string } };
    expect(other.result.ok).toBe(true);
    await expect(send('service.logout', { session: other.result.session })).resolves.toMatchObject({ ok: true });
    ws!.close();
    offline = false;
    await page.locator('.connection').waitFor({ state: 'detached' });
    await page.clock.fastForward(16_000);
    await page.locator('[data-panel="overview"]').click();
    await page.locator('[data-testid="service-mode"]').waitFor({ state: 'detached' });
    await page.close();
  });

  it('five wrong PINs lock entry out, a right PIN does not get through, and a restart keeps the lock', async () => {
    const page = await openKiosk(browser, robot!.url, robot!.token);
    await openPinPad(page);
    for (let i = 1; i <= 4; i++) {
      await typePin(page, WRONG);
      const alert = page.locator(`[role="alert"][data-code="SERVICE_PIN_WRONG"][data-attempts-left="${5 - i}"]`);
      await expect(alert.textContent()).resolves.toContain(`Còn ${5 - i} lần thử`);
    }
    await typePin(page, WRONG);
    await page.locator('[data-code="SERVICE_LOCKED_OUT"]').waitFor();
    await typePin(page, PIN);
    await page.locator('[data-code="SERVICE_LOCKED_OUT"]').waitFor();
    expect(await page.locator('[data-panel]').count()).toBe(0);
    await page.close();

    await robot!.stop();
    robot = await startRobot(['--config', configFile, '--data', dataDir]);
    const { ws } = await openApi(robot.url, { token: robot.token });
    const reply = await request(ws!, { v: API_PROTOCOL_VERSION, id: 'l', type: 'service.login', payload: { pin: PIN, via: 'gesture' } }, 'l');
    expect(reply).toMatchObject({ ok: true, result: { ok: false, code: 'SERVICE_LOCKED_OUT', attemptsLeft: 0 } });
    const until = Date.parse((reply.result as { lockedUntil: string }).lockedUntil);
    expect(until - Date.now()).toBeGreaterThan(500_000); // about the configured 600 s
    ws!.close();
    const failed = readAudit(dataDir).rows.filter((r) => r.action === 'service.login.failed');
    expect(failed).toHaveLength(5);
  });
});
