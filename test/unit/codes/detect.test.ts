import { detectCode, encodeAppointmentCode, encodeBadgeCode, ticketStatusUrl } from '../../../src/core/codes';
import { END_OF_DAY, makeCenterKeys, SLOT_0930 } from './center-keys';

describe('detectCode', () => {
  const center = makeCenterKeys();
  const base = 'http://10.0.0.5:8080';
  const ctx = { now: SLOT_0930 * 1000, verify: center.verify, ticketBaseUrl: base };
  const id = '0b6c1f9e-7a51-4c1e-9a7e-3f2d8c4b5a61';

  it('tells every format apart', () => {
    const cases: Array<[string, string]> = [
      [encodeAppointmentCode({ a: 'A1', s: 'ho-tich', t: SLOT_0930, x: END_OF_DAY }, center.sign), 'appointment'],
      [encodeBadgeCode({ b: 'T1', r: 'technician', i: SLOT_0930 - 86400, x: END_OF_DAY }, center.sign), 'badge'],
      ['000.00.01.H29-240115-0001', 'dossier'],
      ['Mã hồ sơ: 000.00.01.H29-240115-0001', 'dossier'],
      ['https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?maHoSo=000.00.01.H29-240115-0001', 'portal-link'],
      [ticketStatusUrl(base, id), 'ticket'],
    ];
    for (const [text, format] of cases) expect(detectCode(text, ctx)).toMatchObject({ ok: true, value: { format } });
  });

  it('a ticket link is only ours with the configured base URL', () => {
    expect(detectCode(ticketStatusUrl(base, id), { ...ctx, ticketBaseUrl: undefined })).toMatchObject({ code: 'SCAN_UNKNOWN_FORMAT' });
  });

  it('passes each parser’s specific refusal through', () => {
    const expired = encodeAppointmentCode({ a: 'A1', s: 'ho-tich', t: SLOT_0930 - 86400 * 2, x: SLOT_0930 - 86400 }, center.sign);
    expect(detectCode(expired, ctx)).toMatchObject({ code: 'APPOINTMENT_EXPIRED' });
    expect(detectCode('LR1B.e30.AAAA', ctx)).toMatchObject({ code: 'BADGE_SIGNATURE_INVALID' });
    expect(detectCode('https://dichvucong.gov.vn/', ctx)).toMatchObject({ code: 'PORTAL_LINK_WITHOUT_CODE' });
    expect(detectCode(`${base}/t/nope`, ctx)).toMatchObject({ code: 'TICKET_QR_INVALID' });
    expect(detectCode('000.00.01.H29-241301-0001', ctx)).toMatchObject({ code: 'DOSSIER_CODE_INVALID' });
    expect(detectCode('x'.repeat(3000), ctx)).toMatchObject({ code: 'SCAN_TOO_LONG' });
  });

  it('anything else is SCAN_UNKNOWN_FORMAT', () => {
    for (const text of ['hello', '8934567890123', 'https://example.com/', 'WIFI:S:lobby;T:WPA;P:secret;;', 'lr1a.x.y']) {
      expect(detectCode(text, ctx)).toMatchObject({ ok: false, code: 'SCAN_UNKNOWN_FORMAT' });
    }
  });

  it('the refusal detail never echoes the scanned text (it may hold personal data)', () => {
    const secret = 'CCCD 001088012345 Nguyen Van An';
    const r = detectCode(secret, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).not.toContain('001088012345');
  });
});
