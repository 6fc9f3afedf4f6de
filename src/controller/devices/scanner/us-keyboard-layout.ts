/**
 * USB HID keyboard usages (HID Usage Tables, page 0x07) to characters for the US layout that
 * keyboard-mode scanners are set to by default. [unshifted, shifted].
 */
const ROWS: Array<[number, string, string]> = [
  [0x1e, '1234567890', '!@#$%^&*()'],
  [0x2c, ' -=[]\\#;\'`,./', ' _+{}|~:"~<>?'],
];

export const US_LAYOUT = new Map<number, readonly [string, string]>();
for (let i = 0; i < 26; i++) {
  const c = String.fromCharCode(0x61 + i);
  US_LAYOUT.set(0x04 + i, [c, c.toUpperCase()]);
}
for (const [start, plain, shifted] of ROWS) {
  [...plain].forEach((c, i) => US_LAYOUT.set(start + i, [c, shifted[i] ?? c]));
}
// keypad: scanners in "keypad emulation" send digits here, shift does not change them
[...'/*-+'].forEach((c, i) => US_LAYOUT.set(0x54 + i, [c, c]));
[...'1234567890.'].forEach((c, i) => US_LAYOUT.set(0x59 + i, [c, c]));

export const KEY_ENTER = 0x28;
export const KEY_KEYPAD_ENTER = 0x58;
export const KEY_TAB = 0x2b;
export const KEY_CAPS_LOCK = 0x39;
/** All six slots set to this: the keyboard reports "too many keys", the report says nothing. */
export const KEY_ERROR_ROLLOVER = 0x01;

export const MOD_LEFT_CTRL = 0x01;
export const MOD_LEFT_SHIFT = 0x02;
export const MOD_LEFT_ALT = 0x04;
export const MOD_RIGHT_CTRL = 0x10;
export const MOD_RIGHT_SHIFT = 0x20;
export const MOD_RIGHT_ALT = 0x40;
