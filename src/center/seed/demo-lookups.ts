/**
 * Demo appointments and dossiers the reference center seeds into an empty database, so the
 * robot's check-in and dossier look-up can be tried without a real back office. Names are
 * already masked: the center never stores more than a lobby robot may show. Dossier codes follow
 * Circular 01/2018/TT-VPCP (<unit>-<yymmdd>-<sequence>), as the robot's parser expects.
 */
import type { Appointment, Dossier } from '../../contract/sync';

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function demoAppointments(today: string): Appointment[] {
  return [
    { code: 'LH-000123', serviceId: 'birth-registration', day: today, time: '08:30', status: 'booked', maskedName: 'Nguyễn V. A.' },
    { code: 'LH-000124', serviceId: 'land-registration', day: today, time: '09:15', status: 'booked', maskedName: 'Trần T. B.' },
    { code: 'LH-000125', serviceId: 'copy-certification', day: today, time: '14:00', status: 'cancelled', maskedName: 'Lê H. C.' },
    { code: 'LH-000126', serviceId: 'marriage-registration', day: today, time: '08:45', status: 'booked', maskedName: 'Hoàng M. G.' },
    { code: 'LH-000127', serviceId: 'birth-registration', day: nextDay(today), time: '08:00', status: 'booked', maskedName: 'Bùi T. H.' },
  ];
}

export function demoDossiers(today: string): Dossier[] {
  return [
    { code: '000.00.51.H29-261120-0001', serviceId: 'marriage-registration', status: 'ready-for-pickup', receivedDay: '2026-11-20', dueDay: today, maskedName: 'Phạm M. D.' },
    { code: '000.00.51.H29-261125-0007', serviceId: 'land-registration', status: 'processing', receivedDay: '2026-11-25', dueDay: '2026-12-09', maskedName: 'Võ T. E.' },
    { code: '000.00.51.H29-261126-0012', serviceId: 'birth-registration', status: 'additional-documents-required', receivedDay: '2026-11-26', dueDay: '2026-11-30', maskedName: 'Đặng Q. F.' },
    { code: '000.00.51.H29-261118-0003', serviceId: 'copy-certification', status: 'received', receivedDay: '2026-11-18', dueDay: '2026-12-02', maskedName: 'Ngô V. K.' },
    { code: '000.00.51.H29-261110-0021', serviceId: 'house-building-permit', status: 'returned', receivedDay: '2026-11-10', dueDay: '2026-11-24', maskedName: 'Đỗ T. L.' },
  ];
}
