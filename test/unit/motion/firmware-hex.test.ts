import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The simulated board and the flashing notes rely on this exact build of StandardFirmata
// (avrgirl-arduino 5.0.1, junk/hex/uno): a silent change would make the simulator test other firmware.
test('the committed StandardFirmata hex is the one from avrgirl-arduino 5.0.1', () => {
  const hex = readFileSync(join(__dirname, '../../../hardware/firmware/StandardFirmata.cpp.hex'));
  expect(createHash('sha256').update(hex).digest('hex')).toBe('6d57ea7cf30e26c9c2f3a01ee37907d2c951f8bc9c27f84dddad12fa9c8b8f36');
});
