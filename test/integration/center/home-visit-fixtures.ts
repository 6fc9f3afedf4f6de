/** A home visit request as a robot sends it, with personal data a test can grep for. */
import { randomUUID } from 'node:crypto';

export const PHONE = '0912345678';
export const STREET = 'Đường Nguyễn Trãi';

export function visitRequest(over: Record<string, unknown> = {}) {
  return {
    requestId: randomUUID(), serviceId: 'birth-registration', category: 'elderly',
    address: { ward: 'Phường Bến Thành', street: STREET, houseNumber: '12A' },
    phone: PHONE, name: 'Nguyễn Văn An', preferredDays: ['2026-12-01', '2026-12-02'], language: 'ko', consent: true, ...over,
  };
}
