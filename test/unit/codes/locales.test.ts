import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, LANGUAGES } from '../../../src/contract';

/** The scanning area's codes; other areas' messages are checked by their own tests. */
const SCAN_AREA = /^(SCAN|SCANNER|APPOINTMENT|BADGE|DOSSIER|PORTAL|TICKET_QR)_/;

describe('messages of the scanning error codes', () => {
  const codes = ERROR_CODES.filter((c) => SCAN_AREA.test(c));

  it('the area has its codes', () => {
    expect(codes).toEqual(expect.arrayContaining(['SCAN_UNKNOWN_FORMAT', 'SCAN_TOO_LONG', 'APPOINTMENT_EXPIRED', 'BADGE_EXPIRED', 'SCANNER_DISCONNECTED']));
  });

  it.each(LANGUAGES)('%s has a message for every one', (lang) => {
    const messages = JSON.parse(readFileSync(join(__dirname, '../../../locales', lang, 'errors.json'), 'utf8')) as Record<string, string>;
    const missing = codes.filter((c) => typeof messages[c] !== 'string' || messages[c]!.trim() === '');
    expect(missing).toEqual([]);
  });
});
