import { runCodeParse } from '../../../src/cli/commands/code-parse';
import { encodeAppointmentCode } from '../../../src/core/codes';
import { END_OF_DAY, makeCenterKeys, SLOT_0930 } from './center-keys';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env } };
}
const json = (lines: string[]) => JSON.parse(lines.join(''));

describe('lobby-robot code parse', () => {
  const center = makeCenterKeys();
  const appointment = encodeAppointmentCode({ a: 'APT-9', s: 'ho-tich', t: SLOT_0930, x: END_OF_DAY }, center.sign);
  const before = new Date(SLOT_0930 * 1000).toISOString();

  it('prints the format and fields of a dossier code, exit 0', async () => {
    const t = io();
    expect(await runCodeParse(['000.00.01.H29-240115-0001'], t.io)).toBe(0);
    expect(json(t.out)).toEqual({
      ok: true,
      format: 'dossier',
      fields: { via: 'code', dossier: { code: '000.00.01.H29-240115-0001', unitCode: '000.00.01.H29', receivedOn: '2024-01-15', sequence: 1 } },
    });
  });

  it('verifies an appointment with the key from --key or from the environment', async () => {
    const a = io();
    expect(await runCodeParse(['--key', center.publicKeyBase64, '--now', before, appointment], a.io)).toBe(0);
    expect(json(a.out)).toMatchObject({ ok: true, format: 'appointment', fields: { appointmentId: 'APT-9', serviceId: 'ho-tich' } });
    const b = io({ LOBBY_ROBOT_CENTER_KEYS: `${makeCenterKeys().publicKeyBase64}, ${center.publicKeyBase64}` });
    expect(await runCodeParse(['--now', before, appointment], b.io)).toBe(0);
  });

  it('exit 1 with the error code for an expired, forged or unverifiable code', async () => {
    const expired = io();
    expect(await runCodeParse(['--key', center.publicKeyBase64, '--now', '2026-01-16T00:00:00Z', appointment], expired.io)).toBe(1);
    expect(json(expired.out)).toMatchObject({ ok: false, code: 'APPOINTMENT_EXPIRED' });

    const forged = io();
    expect(await runCodeParse(['--key', makeCenterKeys().publicKeyBase64, '--now', before, appointment], forged.io)).toBe(1);
    expect(json(forged.out)).toMatchObject({ code: 'APPOINTMENT_SIGNATURE_INVALID' });

    const noKey = io();
    expect(await runCodeParse(['--now', before, appointment], noKey.io)).toBe(1);
    expect(noKey.err.join('')).toMatch(/no center public key/);
  });

  it('exit 1 and SCAN_UNKNOWN_FORMAT for anything else', async () => {
    const t = io();
    expect(await runCodeParse(['hello world'], t.io)).toBe(1);
    expect(json(t.out)).toMatchObject({ ok: false, code: 'SCAN_UNKNOWN_FORMAT' });
  });

  it('recognises a ticket link with --ticket-base or the config default', async () => {
    const url = 'http://10.0.0.5:8080/t/0b6c1f9e-7a51-4c1e-9a7e-3f2d8c4b5a61';
    const a = io();
    expect(await runCodeParse(['--ticket-base', 'http://10.0.0.5:8080', url], a.io)).toBe(0);
    expect(json(a.out)).toEqual({ ok: true, format: 'ticket', fields: { ticketId: '0b6c1f9e-7a51-4c1e-9a7e-3f2d8c4b5a61' } });
    const b = io();
    expect(await runCodeParse([url], b.io, { ticketBaseUrl: 'http://10.0.0.5:8080' })).toBe(0);
  });

  it('usage errors exit 64 (sysexits EX_USAGE, as the README says) and say what is wrong', async () => {
    for (const args of [[], ['a', 'b'], ['--now', 'yesterday', 'x'], ['--frobnicate', 'x'], ['--key'], ['--key', 'short', 'x']]) {
      const t = io();
      expect(await runCodeParse(args, t.io)).toBe(64);
      expect(t.err.join('')).toMatch(/code parse: /);
    }
  });

  it('a TEXT starting with dashes goes after --', async () => {
    const t = io();
    expect(await runCodeParse(['--', '--not-an-option'], t.io)).toBe(1);
    expect(json(t.out)).toMatchObject({ code: 'SCAN_UNKNOWN_FORMAT' });
  });
});
