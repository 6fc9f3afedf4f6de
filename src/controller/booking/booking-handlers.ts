import type { Handlers } from '../api/dispatcher';
import { book, bookingOptions, bookingSlots, requestHomeVisit, type BookingDeps } from './booking-service';

/** The touchscreen's booking commands (src/contract/booking-api.ts). */
export function bookingHandlers(deps: BookingDeps): Pick<Handlers, 'booking.options' | 'booking.slots' | 'booking.book' | 'homeVisit.request'> {
  return {
    'booking.options': () => bookingOptions(deps),
    'booking.slots': ({ serviceId }) => bookingSlots(deps, serviceId),
    'booking.book': (req) => book(deps, req),
    'homeVisit.request': (req) => requestHomeVisit(deps, req),
  };
}
