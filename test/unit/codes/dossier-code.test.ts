import { findDossierCodes, parseDossierCode, parseDossierOrReceipt } from '../../../src/core/codes';

const NOW = Date.UTC(2026, 0, 15, 3, 0); // 2026-01-15 10:00 in Hanoi

describe('dossier code (Circular 01/2018/TT-VPCP)', () => {
  it.each([
    ['000.00.01.H29-240115-0001', '000.00.01.H29', '2024-01-15', 1],
    ['38.98.H29-210519-0013', '38.98.H29', '2021-05-19', 13],
    ['000.00.10.H57-251231-0420', '000.00.10.H57', '2025-12-31', 420],
    ['G01-240229-9999', 'G01', '2024-02-29', 9999], // leap day, ministry level-1 unit only
    ['000.00.01.h29-240115-000001', '000.00.01.H29', '2024-01-15', 1], // lower case, 6-digit sequence
  ])('%s', (text, unitCode, receivedOn, sequence) => {
    const r = parseDossierCode(text, { now: NOW });
    expect(r).toEqual({ ok: true, value: { code: text.toUpperCase(), unitCode, receivedOn, sequence } });
  });

  it.each([
    ['000.00.01.H29-230229-0001', 'no 29 February in 2023'],
    ['000.00.01.H29-241301-0001', 'month 13'],
    ['000.00.01.H29-240100-0001', 'day 0'],
    ['000.00.01.H29-240115-0000', 'sequence 0'],
    ['000.00.01.H29-260116-0001', 'tomorrow (center time)'],
  ])('refuses %s (%s)', (text) => {
    expect(parseDossierCode(text, { now: NOW })).toMatchObject({ ok: false, code: 'DOSSIER_CODE_INVALID' });
  });

  it.each([
    '000.00.01.H29-240115-001', // 3-digit sequence
    '000.00.01.H29-24011-0001', // 5-digit date
    '000.00.01.129-240115-0001', // level-1 group must start with a letter
    '0000.00.01.H29-240115-0001', // 4-char group
    '000.00.01.00.H29-240115-0001', // five groups
    '000.00.01.H29 240115 0001',
    'H29',
  ])('refuses the shape of %s', (text) => {
    expect(parseDossierCode(text)).toMatchObject({ ok: false, code: 'DOSSIER_CODE_INVALID' });
  });

  it('the day turns at midnight in Hanoi, not UTC', () => {
    const justAfterMidnightHanoi = Date.UTC(2026, 0, 15, 17, 1); // 16 Jan 00:01 in Hanoi, still 15 Jan UTC
    expect(parseDossierCode('000.00.01.H29-260116-0001', { now: justAfterMidnightHanoi }).ok).toBe(true);
  });
});

describe('receipt QR and typed dossier codes', () => {
  it('a bare code is via "code"', () => {
    expect(parseDossierOrReceipt(' 000.00.01.H29-240115-0001\n')).toMatchObject({ ok: true, value: { format: 'dossier', via: 'code' } });
  });

  it('finds the code in a labelled multi-line receipt', () => {
    const receipt = 'UBND PHƯỜNG BẠCH MAI\nGIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ\nMã hồ sơ: 000.00.01.H29-240115-0001.\nNgày hẹn trả: 22/01/2024';
    expect(parseDossierOrReceipt(receipt)).toEqual({
      ok: true,
      value: {
        format: 'dossier',
        via: 'receipt',
        dossier: { code: '000.00.01.H29-240115-0001', unitCode: '000.00.01.H29', receivedOn: '2024-01-15', sequence: 1 },
      },
    });
  });

  it('finds the code in a provincial portal link', () => {
    const r = parseDossierOrReceipt('https://dichvucong.hanoi.gov.vn/tra-cuu?ma=38.98.H29-210519-0013&lang=vi');
    expect(r).toMatchObject({ ok: true, value: { via: 'receipt', dossier: { code: '38.98.H29-210519-0013' } } });
  });

  it('the same code twice is one code; two different codes are ambiguous', () => {
    const same = 'Mã: 38.98.H29-210519-0013 | Tra cứu: 38.98.H29-210519-0013';
    expect(parseDossierOrReceipt(same).ok).toBe(true);
    expect(parseDossierOrReceipt('38.98.H29-210519-0013; 38.98.H29-210519-0014')).toMatchObject({ code: 'DOSSIER_CODE_AMBIGUOUS' });
  });

  it('a code glued to other code characters is not a code', () => {
    expect(findDossierCodes('X000.00.01.H29-240115-00011').found).toBe(0);
    expect(findDossierCodes('ab.38.98.H29-210519-0013').found).toBe(0);
  });

  it('a receipt whose only code has an impossible date is invalid, not unknown', () => {
    expect(parseDossierOrReceipt('Mã hồ sơ: 000.00.01.H29-241332-0001')).toMatchObject({ code: 'DOSSIER_CODE_INVALID' });
  });

  it('text without a code is unknown', () => {
    expect(parseDossierOrReceipt('Xin chào')).toMatchObject({ code: 'SCAN_UNKNOWN_FORMAT' });
  });
});
