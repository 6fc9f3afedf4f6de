import { RobotConfig } from '../../../src/controller/config/schema';
import { bundleFilename, REMOVED, secretFreeJson, withoutSecretFields } from '../../../src/controller/service-mode/bundle';
import { LogRing } from '../../../src/controller/service-mode/log-ring';
import { servicePinHash } from '../../../src/cli/commands/service-pin';
import { hashPin, verifyPin } from '../../../src/controller/service-mode/pin';
import { changedDocument, setPath } from '../../../src/controller/service-mode/settings';

describe('service PIN hash', () => {
  it('verifies the PIN it was made from and nothing else; the hash is accepted by the config schema', async () => {
    const hash = await hashPin('2468');
    expect(hash).not.toContain('2468');
    await expect(verifyPin('2468', hash)).resolves.toBe(true);
    await expect(verifyPin('2469', hash)).resolves.toBe(false);
    expect(RobotConfig.safeParse({ profile: 'production', robotId: 'r1', service: { pinHash: hash } }).success).toBe(true);
  });

  it('two hashes of one PIN differ (salted) and a malformed stored value is simply a mismatch', async () => {
    const [a, b] = await Promise.all([hashPin('1234'), hashPin('1234')]);
    expect(a).not.toBe(b);
    await expect(verifyPin('1234', 'scrypt$99$8$1$AAAA$BBBB')).resolves.toBe(false);
    await expect(verifyPin('1234', '1234')).resolves.toBe(false);
  });
});

describe('support bundle', () => {
  it('drops secret-named fields at any depth and scrubs known secret values anywhere', () => {
    const token = 'f'.repeat(64);
    const doc = { config: { service: { pinHash: 'scrypt$14$8$1$abc$def', inactivitySeconds: 300 }, codes: { centerPublicKeys: ['KEY'] }, sync: { deviceToken: 'x' } }, logs: [{ msg: `url with ${token}` }] };
    expect(withoutSecretFields(doc)).toMatchObject({ config: { service: { pinHash: REMOVED, inactivitySeconds: 300 }, codes: { centerPublicKeys: REMOVED }, sync: { deviceToken: REMOVED } } });
    const text = secretFreeJson(doc, [token]);
    expect(text).not.toContain(token);
    expect(text).not.toContain('scrypt$');
    expect(JSON.parse(text).logs[0].msg).toBe(`url with ${REMOVED}`);
  });

  it('names the file after the robot and the instant, without characters a USB stick refuses', () => {
    expect(bundleFilename('robot-1', new Date('2026-11-30T01:02:03.004Z'))).toBe('lobby-robot-robot-1-2026-11-30T01-02-03-004Z.json');
  });
});

describe('config changes', () => {
  const base = { profile: 'simulator', robotId: 'r1', printer: { adapter: 'tcp', host: 'p.local' } };

  it('sets and removes a nested value without touching the original', () => {
    const next = setPath(base, ['printer', 'density'], 3);
    expect(next).toMatchObject({ printer: { density: 3 } });
    expect(base.printer).not.toHaveProperty('density');
    expect(setPath(next, ['printer', 'density'], null).printer).not.toHaveProperty('density');
  });

  it('validates the whole document: a value out of range names the field', () => {
    expect(changedDocument(base, ['printer', 'cut'], 'full').config.printer).toMatchObject({ cut: 'full' });
    expect(() => changedDocument(base, ['printer', 'density'], 9)).toThrow(expect.objectContaining({ code: 'SERVICE_SETTING_INVALID', message: expect.stringContaining('printer.density') }));
    expect(() => changedDocument({ ...base, printer: { adapter: 'none' } }, ['printer', 'density'], 1)).toThrow(expect.objectContaining({ code: 'SERVICE_SETTING_INVALID' }));
  });
});

describe('log ring', () => {
  it('keeps warnings and errors with their code, groups them, passes every line on', () => {
    const ring = new LogRing(3);
    const lines: string[] = [];
    const dest = ring.tee({ write: (l: string) => lines.push(l) });
    dest.write('{"level":30,"time":1,"msg":"info"}\n');
    dest.write('{"level":40,"time":2,"code":"PRINTER_PAPER_NEAR_END","msg":"paper"}\n');
    dest.write('{"level":50,"time":3,"err":{"code":"MOTION_ESTOP"},"msg":"stop"}\n');
    dest.write('{"level":40,"time":4,"code":"PRINTER_PAPER_NEAR_END","msg":"paper"}\n');
    expect(lines).toHaveLength(4);
    expect(ring.recent().map((e) => e.code)).toEqual(['PRINTER_PAPER_NEAR_END', 'MOTION_ESTOP', 'PRINTER_PAPER_NEAR_END']);
    expect(ring.byCode()).toEqual([
      { code: 'PRINTER_PAPER_NEAR_END', count: 2, lastAt: new Date(4).toISOString() },
      { code: 'MOTION_ESTOP', count: 1, lastAt: new Date(3).toISOString() },
    ]);
  });
});

describe('lobby-robot service pin-hash', () => {
  const io = () => {
    const out: string[] = [];
    return { out, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void out.push(t), env: {} as NodeJS.ProcessEnv, cwd: '/' } };
  };

  it('prints a hash that verifies the PIN read from stdin; refuses a PIN that is not 4-12 digits', async () => {
    const ok = io();
    await expect(servicePinHash([], ok.io, async () => '2468\n')).resolves.toBe(0);
    await expect(verifyPin('2468', ok.out[0]!)).resolves.toBe(true);
    const bad = io();
    await expect(servicePinHash([], { ...bad.io, env: { LOBBY_ROBOT_PIN: '12ab' } }, async () => '')).resolves.toBe(65);
    await expect(servicePinHash(['1234'], bad.io)).resolves.toBe(64);
  });
});
