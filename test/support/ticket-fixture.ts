import type { Language, Ticket } from '../../src/contract';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';

/** A fixed ticket of the demo catalog, so rendered images are reproducible. */
export function demoTicket(language: Language): { ticket: Ticket; service: (typeof DEMO_CATALOG.services)[number] } {
  const service = DEMO_CATALOG.services[0]!;
  return {
    service,
    ticket: {
      id: '3f1c2b7e-2d0a-4c55-9a53-0b1f6d8e9a11', serviceId: service.id, day: '2026-11-30', number: 7, display: 'A007',
      language, state: 'printing', issuedAt: '2026-11-30T01:05:00.000Z',
    },
  };
}

export const DEMO_EXTRAS = {
  wait: { peopleAhead: 4, minMinutes: 15, maxMinutes: 25 },
  whereToGo: { vi: 'Quầy 2', en: 'Counter 2', zh: '2号窗口', ko: '2번 창구', ja: '2番窓口' },
};
