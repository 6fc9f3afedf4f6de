import { ScanIntake, type DetectedScan } from '../../../src/controller/codes/scan-intake';
import { InjectedScanner } from '../../../src/controller/devices/scanner/injected-scanner';
import { encodeAppointmentCode } from '../../../src/core/codes';
import { END_OF_DAY, makeCenterKeys, SLOT_0930 } from '../codes/center-keys';

describe('ScanIntake', () => {
  const center = makeCenterKeys();
  const appointment = encodeAppointmentCode({ a: 'APT-1', s: 'ho-tich', t: SLOT_0930, x: END_OF_DAY }, center.sign);

  function setup() {
    let clock = SLOT_0930 * 1000;
    const seen: DetectedScan[] = [];
    const intake = new ScanIntake({ verify: center.verify, now: () => new Date(clock), repeatWindowMs: 3000 }, (d) => seen.push(d));
    return { intake, seen, advance: (ms: number) => (clock += ms) };
  }

  it('parses what every attached port scans, with the center key and the current time', async () => {
    const { intake, seen } = setup();
    const a = new InjectedScanner('front');
    const b = new InjectedScanner('desk');
    intake.attach(a);
    intake.attach(b);
    await a.start();
    await b.start();
    a.inject(`${appointment}\r\n`);
    b.inject('hello');
    expect(seen.map((s) => [s.scannerId, s.result.ok ? s.result.value.format : s.result.code])).toEqual([
      ['front', 'appointment'],
      ['desk', 'SCAN_UNKNOWN_FORMAT'],
    ]);
  });

  it('a QR held under a presentation scanner (re-read every second) is one scan', () => {
    const { intake, seen, advance } = setup();
    for (let i = 0; i < 10; i++) {
      intake.submit({ text: appointment, source: 'hid-pos', scannerId: 'front' });
      advance(1000);
    }
    expect(seen).toHaveLength(1);
    advance(3000); // taken away, shown again later: a new scan
    intake.submit({ text: appointment, source: 'hid-pos', scannerId: 'front' });
    intake.submit({ text: appointment, source: 'serial', scannerId: 'desk' }); // another scanner: its own scan
    expect(seen).toHaveLength(3);
  });

  it('stop() detaches from the ports', async () => {
    const { intake, seen } = setup();
    const a = new InjectedScanner('front');
    intake.attach(a);
    await a.start();
    intake.stop();
    a.inject(appointment);
    expect(seen).toHaveLength(0);
  });
});
