/**
 * Demo appointments and dossiers the reference center seeds into an empty database, so the
 * robot's check-in and dossier look-up can be tried without a real back office. Names are
 * already masked: the center never stores more than a lobby robot may show.
 */
import type { Appointment, Dossier } from '../../contract/sync';

export function demoAppointments(today: string): Appointment[] {
  return [
    { code: 'LH-000123', serviceId: 'birth-registration', day: today, time: '08:30', status: 'booked', maskedName: 'Nguyễn V. A.' },
    { code: 'LH-000124', serviceId: 'land-registration', day: today, time: '09:15', status: 'booked', maskedName: 'Trần T. B.' },
    { code: 'LH-000125', serviceId: 'copy-certification', day: today, time: '14:00', status: 'cancelled', maskedName: 'Lê H. C.' },
  ];
}

export function demoDossiers(today: string): Dossier[] {
  return [
    { code: 'H29.51-261120-0001', serviceId: 'marriage-registration', status: 'ready-for-pickup', receivedDay: '2026-11-20', dueDay: today, maskedName: 'Phạm M. D.' },
    { code: 'H29.51-261125-0007', serviceId: 'land-registration', status: 'processing', receivedDay: '2026-11-25', dueDay: '2026-12-09', maskedName: 'Võ T. E.' },
    { code: 'H29.51-261126-0012', serviceId: 'birth-registration', status: 'additional-documents-required', receivedDay: '2026-11-26', dueDay: '2026-11-30', maskedName: 'Đặng Q. F.' },
  ];
}
