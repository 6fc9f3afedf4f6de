/**
 * Dossier codes typed or scanned: the bare code, or the QR printed on the receipt
 * ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"), whose content differs between provincial
 * systems — the bare code, labelled lines ("Mã hồ sơ: ..."), or a link to the province's own
 * portal. The rule is the same for all: exactly one distinct dossier code in the text.
 */
import type { ParsedCodeOf } from '../../contract';
import { findDossierCodes, looksLikeDossierCode, parseDossierCode, type DossierContext } from './dossier-code';
import { failure, success, type CodeResult } from './result';
import { cleanScanText } from './scan-text';

export function parseDossierOrReceipt(raw: string, ctx: DossierContext = {}): CodeResult<ParsedCodeOf<'dossier'>> {
  const clean = cleanScanText(raw);
  if (!clean.ok) return clean;
  const text = clean.value;
  if (looksLikeDossierCode(text)) {
    const r = parseDossierCode(text, ctx);
    return r.ok ? success({ format: 'dossier', via: 'code', dossier: r.value }) : r;
  }
  const { codes, found } = findDossierCodes(text, ctx);
  if (codes.length > 1) return failure('DOSSIER_CODE_AMBIGUOUS', `${codes.length} different dossier codes in the text`);
  const [dossier] = codes;
  if (dossier) return success({ format: 'dossier', via: 'receipt', dossier });
  return found > 0
    ? failure('DOSSIER_CODE_INVALID', 'the dossier code in the text is not valid')
    : failure('SCAN_UNKNOWN_FORMAT', 'no dossier code in the text');
}
