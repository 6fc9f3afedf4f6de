/**
 * The robot's udev rules parse with a strict parser (Debian 12's udevadm has no `verify`), the
 * parser rejects broken fixtures, and the rules give each real device its stable name and group.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyRules, globMatches, type DeviceEvent } from '../../support/udev-eval';
import { parseUdevRules } from '../../support/udev-rules';

const ROOT = join(__dirname, '../../..');
const RULES_FILE = join(ROOT, 'hardware/deploy/udev/70-lobby-robot.rules');
const FIXTURES = join(ROOT, 'test/fixtures/deploy/udev');
const parsed = parseUdevRules(readFileSync(RULES_FILE, 'utf8'));

/** A USB device as the kernel shows it: an interface node, its USB interface, the USB device. */
function usbEvent(node: { kernel: string; subsystem: string; driver?: string }, vid: string, pid: string, action: DeviceEvent['action'] = 'add'): DeviceEvent {
  return {
    action,
    chain: [
      { kernel: node.kernel, subsystem: node.subsystem },
      { kernel: '1-1.2:1.0', subsystem: 'usb', ...(node.driver ? { driver: node.driver } : {}), attrs: { bInterfaceClass: '02' } },
      { kernel: '1-1.2', subsystem: 'usb', driver: 'usb', attrs: { idVendor: vid, idProduct: pid } },
    ],
  };
}
const tty = (n: number) => ({ kernel: `ttyACM${n}`, subsystem: 'tty', driver: 'cdc_acm' });
const ttyUSB = (n: number) => ({ kernel: `ttyUSB${n}`, subsystem: 'tty', driver: 'ch341' });
const hidraw = (n: number) => ({ kernel: `hidraw${n}`, subsystem: 'hidraw', driver: 'usbhid' });
const usblp = (n: number) => ({ kernel: `lp${n}`, subsystem: 'usbmisc', driver: 'usblp' });
const usbDevice = (vid: string, pid: string): DeviceEvent => ({
  action: 'add',
  chain: [{ kernel: '1-1.3', subsystem: 'usb', attrs: { idVendor: vid, idProduct: pid } }],
  env: { DEVTYPE: 'usb_device' },
});

describe('udev rules: syntax', () => {
  it('70-lobby-robot.rules parses without a single complaint', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.rules.length).toBeGreaterThanOrEqual(8);
  });

  // every rules file under hardware/ must parse (one today: the one the deb ships)
  const everyRulesFile = (readdirSync(join(ROOT, 'hardware'), { recursive: true }) as string[]).filter((f) => f.endsWith('.rules'));
  it.each(everyRulesFile)('hardware/%s parses without a single complaint', (file) => {
    const { errors, rules } = parseUdevRules(readFileSync(join(ROOT, 'hardware', file), 'utf8'));
    expect(errors).toEqual([]);
    expect(rules.length).toBeGreaterThan(0);
  });

  const BROKEN: Record<string, RegExp> = {
    'assign-to-match-key.rules': /line 2: SUBSYSTEM does not accept =/,
    'bad-mode.rules': /not an octal mode/,
    'bad-substitution.rules': /unknown substitution/,
    'missing-attr.rules': /ATTRS needs an \{attribute\}/,
    'missing-comma.rules': /missing comma/,
    'missing-label.rules': /GOTO "nowhere" has no LABEL/,
    'no-effect.rules': /only matches and assigns nothing/,
    'smart-quotes.rules': /must be in double quotes/,
    'trailing-comma.rules': /trailing comma/,
    'unknown-key.rules': /unknown key VENDOR/,
    'unquoted.rules': /must be in double quotes/,
    'unterminated.rules': /unterminated value/,
    'wrong-operator.rules': /GROUP does not accept ==/,
  };

  it('has an expected complaint for every broken fixture', () => {
    expect(readdirSync(FIXTURES).filter((f) => f.endsWith('.rules')).sort()).toEqual(Object.keys(BROKEN).sort());
  });

  it.each(Object.entries(BROKEN))('rejects the broken fixture %s for the right reason', (file, message) => {
    const result = parseUdevRules(readFileSync(join(FIXTURES, file), 'utf8'));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(message);
  });

  it.each([
    ['unknown key', 'VENDOR=="2341", GROUP="dialout"', /unknown key VENDOR/],
    ['match operator on GROUP', 'SUBSYSTEM=="tty", GROUP=="dialout"', /GROUP does not accept ==/],
    ['missing comma', 'SUBSYSTEM=="tty" GROUP="dialout"', /missing comma/],
    ['bad MODE', 'SUBSYSTEM=="tty", MODE="0999"', /not an octal mode/],
    ['bad IMPORT type', 'IMPORT{shell}="x"', /unknown attribute/],
    ['absolute SYMLINK', 'SUBSYSTEM=="tty", SYMLINK+="/dev/lobby-board"', /relative name/],
  ])('names what is wrong: %s', (_what, line, message) => {
    expect(parseUdevRules(line).errors.join('\n')).toMatch(message);
  });

  it('accepts continuation lines, escaped quotes, e"" strings and known substitutions', () => {
    const text = 'SUBSYSTEM=="hidraw", \\\n  ATTRS{idVendor}=="0c2e", ENV{X}=e"a\\"b", SYMLINK+="s-%n-%k-$kernel", RUN{builtin}+="path_id"';
    expect(parseUdevRules(text)).toMatchObject({ errors: [], rules: [{ line: 1, tokens: expect.arrayContaining([{ key: 'ENV', attr: 'X', op: '=', value: 'a"b' }]) }] });
  });

  it('udev patterns: *, ?, [..] and | alternatives', () => {
    expect(globMatches('lp[0-9]*', 'lp0')).toBe(true);
    expect(globMatches('lp[0-9]*', 'lpx')).toBe(false);
    expect(globMatches('0043|0001', '0001')).toBe(true);
    expect(globMatches('0043|0001', '0002')).toBe(false);
    expect(globMatches('tty?CM0', 'ttyACM0')).toBe(true);
  });
});

describe('udev rules: what each device gets', () => {
  const rules = parsed.rules;

  it.each([
    ['Arduino Uno R3', '2341', '0043'],
    ['Arduino Uno', '2341', '0001'],
    ['Arduino Uno R3 (0243)', '2341', '0243'],
    ['Arduino.org Uno', '2a03', '0043'],
  ])('%s (%s:%s, ttyACM) becomes /dev/lobby-board, group dialout, hidden from ModemManager', (_name, vid, pid) => {
    const out = applyRules(rules, usbEvent(tty(0), vid, pid));
    expect(out).toMatchObject({ symlinks: ['lobby-board'], group: 'dialout', mode: '0660' });
    expect(out.env.ID_MM_DEVICE_IGNORE).toBe('1');
  });

  it('a CH340 clone board (1a86:7523, ttyUSB) becomes /dev/lobby-board', () => {
    expect(applyRules(rules, usbEvent(ttyUSB(0), '1a86', '7523'))).toMatchObject({ symlinks: ['lobby-board'], group: 'dialout' });
  });

  it('a USB printer-class device on usblp becomes /dev/lobby-printer, group lp, whatever its maker', () => {
    for (const [vid, pid] of [['04b8', '0e15'], ['04b8', '0202'], ['0416', '5011'], ['1234', '5678']] as const) {
      expect(applyRules(rules, usbEvent(usblp(0), vid, pid))).toMatchObject({ symlinks: ['lobby-printer'], group: 'lp', mode: '0660' });
    }
  });

  it.each([
    ['Epson TM-T20', '04b8', '0e15'],
    ['Epson TM-T88', '04b8', '0202'],
    ['Xprinter / POS-58 (Winbond)', '0416', '5011'],
  ])('the raw USB device of a known printer (%s) is usable by libusb for group lp', (_name, vid, pid) => {
    expect(applyRules(rules, usbDevice(vid, pid))).toMatchObject({ group: 'lp', mode: '0660', symlinks: [] });
  });

  it('the raw USB device of an unknown gadget gets nothing', () => {
    expect(applyRules(rules, usbDevice('046d', 'c52b'))).toEqual({ symlinks: [], env: { DEVTYPE: 'usb_device' } });
  });

  it.each([
    ['Honeywell', '0c2e', '0b61'],
    ['Zebra', '05e0', '1200'],
    ['Datalogic', '05f9', '2206'],
    ['Newland', '1eab', '1a03'],
  ])('a %s scanner in HID POS mode becomes /dev/lobby-scanner-hid<N>, group plugdev', (_name, vid, pid) => {
    expect(applyRules(rules, usbEvent(hidraw(3), vid, pid))).toMatchObject({ symlinks: ['lobby-scanner-hid3'], group: 'plugdev', mode: '0660' });
  });

  it('a scanner in USB serial mode becomes /dev/lobby-scanner-serial<N>, group dialout, not /dev/lobby-board', () => {
    const out = applyRules(rules, usbEvent(tty(1), '0c2e', '0b6a'));
    expect(out).toMatchObject({ symlinks: ['lobby-scanner-serial1'], group: 'dialout' });
    expect(out.env.ID_MM_DEVICE_IGNORE).toBe('1');
  });

  it('other serial devices (an FTDI cable) and other HID devices (a mouse) are left alone', () => {
    expect(applyRules(rules, usbEvent(ttyUSB(2), '0403', '6001')).symlinks).toEqual([]);
    expect(applyRules(rules, usbEvent(hidraw(0), '046d', 'c077'))).toEqual({ symlinks: [], env: {} });
  });

  it('does nothing on remove events', () => {
    expect(applyRules(rules, usbEvent(tty(0), '2341', '0043', 'remove'))).toEqual({ symlinks: [], env: {} });
  });

  it('every stable name starts with lobby- and every group is one the units give the kiosk', () => {
    const kioskGroups = ['lp', 'dialout', 'plugdev', 'input', 'video', 'render', 'audio'];
    for (const rule of rules) {
      for (const t of rule.tokens) {
        if (t.key === 'SYMLINK') expect(t.value).toMatch(/^lobby-[a-z-]+(%n)?$/);
        if (t.key === 'GROUP') expect(kioskGroups).toContain(t.value);
      }
    }
  });
});
