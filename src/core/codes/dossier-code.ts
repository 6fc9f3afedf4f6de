/**
 * Dossier codes ("mã hồ sơ") of Circular 01/2018/TT-VPCP: three groups joined by "-":
 *
 *     <receiving unit's code>-<receipt date yymmdd>-<that day's sequence>
 *     000.00.01.H29-240115-0001        38.98.H29-210519-0013
 *
 * The unit code is the agency identifier of QCVN 102:2016/BTTTT: dot-separated groups ending
 * in the level-1 group (a letter and two digits: G01.. ministries, H01.. provinces); leading
 * groups of lower levels may be absent. The sequence has 4 digits; up to 6 are tolerated in
 * case a busy unit's system pads wider (an assumption, not from the circular).
 */
import type { DossierCodeFields } from '../../contract';
import { businessDay } from '../business-day';
import { failure, success, toEpochMs, type CodeResult, type Instant } from './result';
import { cleanScanText } from './scan-text';

/** level 4 (3 chars) . level 3 (2) . level 2 (2) . level 1 (letter + 2 digits); lower levels optional */
const UNIT = '(?:(?:(?:[0-9A-Z]{3}\\.)?[0-9A-Z]{2}\\.)?[0-9A-Z]{2}\\.)?[A-Z][0-9]{2}';
const DOSSIER_SHAPE = `(${UNIT})-([0-9]{6})-([0-9]{4,6})`;
const EXACT = new RegExp(`^${DOSSIER_SHAPE}$`, 'i');
/** Inside other text: not glued to more code characters on either side. */
const EMBEDDED = new RegExp(`(?<![0-9A-Z.])${DOSSIER_SHAPE}(?![0-9A-Z])`, 'gi');

export interface DossierContext {
  /** When given, a receipt date after today (center time) is refused. */
  now?: Instant;
}

function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function fieldsFrom(unit: string, yymmdd: string, seq: string, ctx: DossierContext): CodeResult<DossierCodeFields> {
  const year = 2000 + Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return failure('DOSSIER_CODE_INVALID', 'receipt date is not a calendar date');
  }
  const sequence = Number(seq);
  if (sequence < 1) return failure('DOSSIER_CODE_INVALID', 'sequence starts at 1');
  const receivedOn = `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const nowMs = ctx.now === undefined ? Number.NaN : toEpochMs(ctx.now);
  if (Number.isFinite(nowMs) && receivedOn > businessDay(new Date(nowMs))) {
    return failure('DOSSIER_CODE_INVALID', 'receipt date is in the future');
  }
  const unitCode = unit.toUpperCase();
  return success({ code: `${unitCode}-${yymmdd}-${seq}`, unitCode, receivedOn, sequence });
}

/** True when the whole text has the shape of a dossier code (valid or not). */
export function looksLikeDossierCode(text: string): boolean {
  return EXACT.test(text);
}

/** The whole text must be one dossier code (what a citizen types or a 1D barcode holds). */
export function parseDossierCode(raw: string, ctx: DossierContext = {}): CodeResult<DossierCodeFields> {
  const clean = cleanScanText(raw);
  if (!clean.ok) return clean;
  const m = EXACT.exec(clean.value);
  if (!m) return failure('DOSSIER_CODE_INVALID', 'not <unit>-<yymmdd>-<sequence>');
  return fieldsFrom(m[1] ?? '', m[2] ?? '', m[3] ?? '', ctx);
}

/**
 * Every dossier code inside a longer text (a receipt's QR, a provincial portal link), valid
 * ones deduplicated. `found` counts shape matches, so "one code with a bad date" is told apart
 * from "no code at all".
 */
export function findDossierCodes(text: string, ctx: DossierContext = {}): { codes: DossierCodeFields[]; found: number } {
  const codes = new Map<string, DossierCodeFields>();
  let found = 0;
  for (const m of text.matchAll(EMBEDDED)) {
    found++;
    const r = fieldsFrom(m[1] ?? '', m[2] ?? '', m[3] ?? '', ctx);
    if (r.ok) codes.set(r.value.code, r.value);
    if (found > 32) break; // a receipt holds one code; a text with dozens is not a receipt
  }
  return { codes: [...codes.values()], found };
}
