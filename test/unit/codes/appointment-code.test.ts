import { encodeAppointmentCode, encodeBase64Url, parseAppointmentCode } from '../../../src/core/codes';
import { END_OF_DAY, makeCenterKeys, SLOT_0930 } from './center-keys';

const payload = { a: 'APT-2026-000042', s: 'ho-tich', t: SLOT_0930, x: END_OF_DAY, n: 'Ng*** V** A' };
const at = (epochSeconds: number) => epochSeconds * 1000;

describe('appointment QR', () => {
  const center = makeCenterKeys();
  const code = encodeAppointmentCode(payload, center.sign);

  it('is compact enough for a small QR and carries every field', () => {
    expect(code.startsWith('LR1A.')).toBe(true);
    expect(code.length).toBeLessThan(250);
    const r = parseAppointmentCode(code, { now: at(SLOT_0930 - 3600), verify: center.verify });
    expect(r).toEqual({
      ok: true,
      value: {
        format: 'appointment',
        appointmentId: 'APT-2026-000042',
        serviceId: 'ho-tich',
        slotStart: '2026-01-15T02:30:00.000Z',
        expiresAt: '2026-01-15T17:00:00.000Z',
        maskedName: 'Ng*** V** A',
      },
    });
  });

  it('accepts the scanner framing around it (AIM prefix, CR LF)', () => {
    const r = parseAppointmentCode(`]Q1${code}\r\n`, { now: at(SLOT_0930), verify: center.verify });
    expect(r.ok).toBe(true);
  });

  it('is valid up to the last millisecond before expiry, expired from it on', () => {
    expect(parseAppointmentCode(code, { now: at(END_OF_DAY) - 1, verify: center.verify }).ok).toBe(true);
    expect(parseAppointmentCode(code, { now: new Date(at(END_OF_DAY)), verify: center.verify })).toMatchObject({
      ok: false,
      code: 'APPOINTMENT_EXPIRED',
    });
  });

  it('refuses a code signed by another key (forged)', () => {
    const forger = makeCenterKeys();
    const forged = encodeAppointmentCode(payload, forger.sign);
    expect(parseAppointmentCode(forged, { now: at(SLOT_0930), verify: center.verify })).toMatchObject({
      ok: false,
      code: 'APPOINTMENT_SIGNATURE_INVALID',
    });
  });

  it('refuses a payload changed after signing (other service, later expiry)', () => {
    const [prefix, , sig] = code.split('.');
    const changed = encodeBase64Url(new TextEncoder().encode(JSON.stringify({ ...payload, x: END_OF_DAY + 86400 * 30 })));
    expect(parseAppointmentCode(`${prefix}.${changed}.${sig}`, { now: at(SLOT_0930), verify: center.verify })).toMatchObject({
      ok: false,
      code: 'APPOINTMENT_SIGNATURE_INVALID',
    });
  });

  it('refuses a truncated signature and a signature of the wrong size before calling verify', () => {
    const verify = jest.fn(() => true);
    const [prefix, body] = code.split('.');
    expect(parseAppointmentCode(`${prefix}.${body}.AAAA`, { now: at(SLOT_0930), verify })).toMatchObject({
      code: 'APPOINTMENT_SIGNATURE_INVALID',
    });
    expect(verify).not.toHaveBeenCalled();
  });

  it('treats a verifier that throws as a failed verification', () => {
    const verify = () => {
      throw new Error('HSM unplugged');
    };
    expect(parseAppointmentCode(code, { now: at(SLOT_0930), verify })).toMatchObject({ code: 'APPOINTMENT_SIGNATURE_INVALID' });
  });

  it('refuses malformed envelopes', () => {
    const ctx = { now: at(SLOT_0930), verify: center.verify };
    for (const bad of ['LR1A.', 'LR1A..', 'LR1A.abc', `${code}.extra`, code.replace('.', '.+')]) {
      expect(parseAppointmentCode(bad, ctx)).toMatchObject({ ok: false, code: 'APPOINTMENT_MALFORMED' });
    }
  });

  it('refuses correctly signed payloads with invalid fields (the center must not issue them)', () => {
    const ctx = { now: at(SLOT_0930), verify: center.verify };
    const sealRaw = (json: string) => {
      const body = encodeBase64Url(new TextEncoder().encode(json));
      return `LR1A.${body}.${encodeBase64Url(center.sign(new TextEncoder().encode(`LR1A.${body}`)))}`;
    };
    const cases = [
      'not json',
      JSON.stringify({ ...payload, s: 'Ho Tich' }),
      JSON.stringify({ ...payload, n: 'Nguyen Van An' }), // unmasked name
      JSON.stringify({ ...payload, x: payload.t }), // expiry not after slot
      JSON.stringify({ ...payload, extra: 1 }),
      JSON.stringify({ a: payload.a, s: payload.s, t: payload.t }),
    ];
    for (const json of cases) expect(parseAppointmentCode(sealRaw(json), ctx)).toMatchObject({ code: 'APPOINTMENT_MALFORMED' });
  });

  it('the center-side encoder refuses to seal an invalid payload', () => {
    expect(() => encodeAppointmentCode({ ...payload, n: 'Nguyen Van An' }, center.sign)).toThrow();
  });

  it('omits the name when the code has none', () => {
    const { n: _n, ...noName } = payload;
    const r = parseAppointmentCode(encodeAppointmentCode(noName, center.sign), { now: at(SLOT_0930), verify: center.verify });
    expect(r.ok && 'maskedName' in r.value).toBe(false);
  });
});
