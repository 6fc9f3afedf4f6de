import { cleanScanText, decodeBase64Url, encodeBase64Url, utf8Length } from '../../../src/core/codes';

describe('cleanScanText', () => {
  it('refuses more than 2 KB before looking at the content, counting UTF-8 bytes', () => {
    expect(cleanScanText('a'.repeat(2048))).toMatchObject({ ok: true });
    expect(cleanScanText('a'.repeat(2049))).toMatchObject({ ok: false, code: 'SCAN_TOO_LONG' });
    expect(cleanScanText('ệ'.repeat(683))).toMatchObject({ ok: false, code: 'SCAN_TOO_LONG' }); // 3 bytes each = 2049
    expect(cleanScanText('ệ'.repeat(682))).toMatchObject({ ok: true });
    expect(cleanScanText('\u0000'.repeat(1_000_000))).toMatchObject({ code: 'SCAN_TOO_LONG' });
  });

  it('strips scanner framing: suffixes, STX/ETX, an AIM symbology identifier', () => {
    expect(cleanScanText('\u0002]Q1LR1A.abc\u0003\r\n')).toEqual({ ok: true, value: 'LR1A.abc' });
    expect(cleanScanText('  38.98.H29-210519-0013\t')).toEqual({ ok: true, value: '38.98.H29-210519-0013' });
  });

  it('keeps line breaks inside (receipts have several lines) and normalises CR LF', () => {
    expect(cleanScanText('Mã hồ sơ:\r\nX\rY')).toEqual({ ok: true, value: 'Mã hồ sơ:\nX\nY' });
  });

  it('refuses control and bidi characters inside', () => {
    for (const bad of ['ab\u0000cd', 'ab\u001bcd', 'ab\u007fcd', 'ab\u0085cd', 'ab\u202Ecd', 'ab\u2066cd', 'ab\uD800cd']) {
      expect(cleanScanText(bad)).toMatchObject({ ok: false, code: 'SCAN_CONTROL_CHARACTERS' });
    }
  });

  it('refuses empty scans', () => {
    for (const empty of ['', '\r\n', ' \t ', ']Q1\r']) expect(cleanScanText(empty)).toMatchObject({ code: 'SCAN_EMPTY' });
  });

  it('utf8Length agrees with TextEncoder', () => {
    for (const s of ['abc', 'Tiếng Việt', '中文', '한국어', '😀x', '\uD800']) expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });
});

describe('base64url', () => {
  it('round-trips every length', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
      expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
  });

  it('refuses padding, other alphabets and non-canonical spellings', () => {
    expect(decodeBase64Url('QQ==')).toBeUndefined();
    expect(decodeBase64Url('a+b/')).toBeUndefined();
    expect(decodeBase64Url('QR')).toBeUndefined(); // 'QQ' is the canonical spelling of "A"
    expect(decodeBase64Url('QQ')).toEqual(new Uint8Array([65]));
    expect(decodeBase64Url('A')).toBeUndefined();
  });
});
