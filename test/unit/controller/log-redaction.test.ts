import { Writable } from 'node:stream';
import { createLogger } from '../../../src/controller/log';

/** A logger writing into a string, as the robot's log file would read. */
function capture() {
  let out = '';
  const sink = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
  return { log: createLogger('info', sink as never), text: () => out };
}

describe('log redaction (issue 18: phone, name and address never reach a log)', () => {
  const phone = '0987654321';
  const address = { ward: 'Phường Bến Nghé', street: 'Đường Đồng Khởi', houseNumber: '12A' };

  it('censors a booking or home-visit request logged whole, at any depth the controller logs it', () => {
    const { log, text } = capture();
    log.info({ request: { phone, name: 'Lê Văn Tám', address } }, 'booking');
    log.warn({ payload: { body: { phone, address } } }, 'nested');
    log.info({ address, phone, street: address.street, houseNumber: address.houseNumber }, 'flat');
    for (const secret of [phone, 'Lê Văn Tám', address.street, address.houseNumber, address.ward]) expect({ secret, found: text().includes(secret) }).toEqual({ secret, found: false });
    expect(text()).toContain('[redacted]');
  });

  it('keeps what a technician needs: codes and service ids', () => {
    const { log, text } = capture();
    log.warn({ code: 'BOOKING_SLOT_FULL', service: 'birth-registration' }, 'booking refused');
    expect(text()).toContain('BOOKING_SLOT_FULL');
    expect(text()).toContain('birth-registration');
  });
});
