/** What the service-mode e2e files share: entering by the hidden gesture, health polling, audit rows. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The 5 s press in the top-left corner, then the PIN on the pad. */
export async function openPinPad(page: Page): Promise<void> {
  await page.locator('[data-testid="service-corner"]').waitFor({ state: 'attached' });
  await page.mouse.move(10, 10);
  await page.mouse.down();
  await page.waitForTimeout(5200);
  await page.mouse.up();
  await page.locator('[data-testid="service-pin"]').waitFor();
}

export async function typePin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.locator(`[data-digit="${d}"]`).click();
  await page.locator('[data-key="enter"]').click();
}

export async function enterService(page: Page, pin: string): Promise<void> {
  await openPinPad(page);
  await typePin(page, pin);
  await page.locator('[data-panel="overview"]').waitFor();
}

/** Waits until /healthz reports the part in `state`. */
export async function waitForPart(url: string, part: string, state: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const report = (await (await fetch(new URL('healthz', url))).json()) as { devices: Record<string, { state: string }> };
    if (report.devices[part]?.state === state) return;
    if (Date.now() - start > timeoutMs) throw new Error(`${part} not ${state}: ${JSON.stringify(report.devices)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface AuditRow {
  id: number;
  actor: string;
  action: string;
  detail: Record<string, unknown> | null;
}

/** The service rows of the robot's audit table, and how many service.audit events wait in the outbox. */
export function readAudit(dataDir: string): { rows: AuditRow[]; outbox: number } {
  const db = new Database(join(dataDir, 'robot.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = (db.prepare(`SELECT id, actor, action, detail FROM audit WHERE action LIKE 'service.%' ORDER BY id`).all() as Array<{ id: number; actor: string; action: string; detail: string | null }>).map(
      (r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }),
    );
    const outbox = (db.prepare(`SELECT count(*) AS n FROM outbox WHERE type = 'service.audit'`).get() as { n: number }).n;
    return { rows, outbox };
  } finally {
    db.close();
  }
}

/**
 * The audit rows once the session's logout is among them. The UI leaves service mode as soon as
 * "exit" is tapped and does not wait for the controller's answer, so the row may come a moment later.
 */
export async function auditAfterLogout(dataDir: string, timeoutMs = 10_000): Promise<AuditRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = readAudit(dataDir);
    if (rows.at(-1)?.action === 'service.logout' || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until every service row of the robot's audit table has reached the (embedded) center:
 * none left in the robot's outbox and as many rows in the center's service_audit table.
 */
export async function auditDeliveredToCenter(dataDir: string, timeoutMs = 45_000): Promise<{ rows: number; atCenter: number; outbox: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows, outbox } = readAudit(dataDir);
    const center = new Database(join(dataDir, 'center', 'center.sqlite'), { readonly: true, fileMustExist: true });
    let atCenter: number;
    try {
      atCenter = (center.prepare('SELECT count(*) AS n FROM service_audit').get() as { n: number }).n;
    } finally {
      center.close();
    }
    const state = { rows: rows.length, atCenter, outbox };
    if ((outbox === 0 && atCenter === rows.length) || Date.now() > deadline) return state;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Sets a range input the way a finger drag does: value, then an input event. */
export async function slide(page: Page, selector: string, value: number): Promise<void> {
  await page.locator(selector).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}
