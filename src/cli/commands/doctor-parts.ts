/**
 * `lobby-robot doctor` rows for the motion board, the scanners and the center (issue 16): each
 * says what is configured and whether it is there, without taking a device the running robot holds.
 */
import { accessSync, constants, statSync } from 'node:fs';
import type { RobotConfig } from '../../controller/config/schema';
import { centerMode } from '../../controller/config/schema';
import { loadRealNodeHid } from '../../controller/devices/scanner/create-scanners';
import { credentialsFile } from '../../controller/sync/create-sync';
import { fileCredentialStore } from '../../controller/sync/credentials';

export type Verdict = 'ok' | 'warn' | 'fault' | 'skip';
export interface Row {
  part: string;
  configured: string;
  verdict: Verdict;
  detail: string;
}

/** A device file that exists, is a character device (or a pty link) and that this user may open. */
function deviceProblem(path: string): string | undefined {
  try {
    const s = statSync(path);
    if (!s.isCharacterDevice()) return 'not a device file';
    accessSync(path, constants.R_OK | constants.W_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such device: is it plugged in, and the udev rules installed?' : `cannot open (${code})`;
  }
}

export function checkMotion(motion: RobotConfig['motion']): Row {
  if (motion.adapter === 'none') return { part: 'motion board', configured: 'none', verdict: 'skip', detail: 'no board configured: head, arms and light stay still' };
  if (motion.adapter === 'simulator') return { part: 'motion board', configured: 'simulator', verdict: 'ok', detail: 'simulated StandardFirmata board, started with the robot' };
  const problem = deviceProblem(motion.path);
  return { part: 'motion board', configured: `johnny-five ${motion.path}`, verdict: problem ? 'fault' : 'ok', detail: problem ?? 'device present' };
}

export async function checkScanners(scanners: RobotConfig['scanners']): Promise<Row[]> {
  if (scanners.length === 0) return [{ part: 'scanners', configured: 'none', verdict: 'skip', detail: 'camera and keyboard-wedge scanning only (in the touchscreen)' }];
  const rows: Row[] = [];
  for (const s of scanners) {
    const part = `scanner ${s.id}`;
    if (s.adapter === 'simulator') rows.push({ part, configured: 'simulator', verdict: 'ok', detail: 'scans injected by tests and service mode' });
    else if (s.adapter === 'serial') {
      const problem = deviceProblem(s.path);
      rows.push({ part, configured: `serial ${s.path}`, verdict: problem ? 'fault' : 'ok', detail: problem ?? 'device present' });
    } else {
      const id = `hid ${hex(s.vendorId)}:${s.productId === undefined ? '*' : hex(s.productId)}`;
      try {
        const found = (await loadRealNodeHid()).devices().filter((d) => d.vendorId === s.vendorId && (s.productId === undefined || d.productId === s.productId));
        rows.push({ part, configured: id, verdict: found.length ? 'ok' : 'fault', detail: found.length ? `${found.length} interface(s) found` : 'not found on USB: is it plugged in?' });
      } catch (e) {
        rows.push({ part, configured: id, verdict: 'fault', detail: `node-hid unavailable (${(e as Error).message.slice(0, 80)})` });
      }
    }
  }
  return rows;
}

const hex = (n: number) => n.toString(16).padStart(4, '0');

export async function checkCenter(config: RobotConfig): Promise<Row> {
  const mode = centerMode(config);
  if (mode === 'none') return { part: 'center', configured: 'none', verdict: 'skip', detail: 'no center: the robot works alone' };
  if (mode === 'embedded') return { part: 'center', configured: 'embedded', verdict: 'ok', detail: 'started in-process with the robot' };
  const url = config.center.url!;
  // a damaged enrolment file is said in the row, not only logged
  let damaged = false;
  const enrolled = fileCredentialStore(credentialsFile(config.dataDir), { warn: () => { damaged = true; } }).load()?.robotId === config.robotId;
  const enrolment = enrolled ? 'enrolled' : damaged ? 'enrolment file damaged (SYNC_CREDENTIALS_UNREADABLE)' : config.center.enrolmentCode ? 'not enrolled yet (code configured)' : 'not enrolled and no enrolmentCode';
  try {
    const res = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return { part: 'center', configured: url, verdict: 'fault', detail: `answers HTTP ${res.status}; ${enrolment}` };
    return { part: 'center', configured: url, verdict: enrolled || config.center.enrolmentCode ? 'ok' : 'warn', detail: `answers; ${enrolment}` };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    return { part: 'center', configured: url, verdict: 'fault', detail: `no answer (${cause}); the robot issues offline; ${enrolment}` };
  }
}
