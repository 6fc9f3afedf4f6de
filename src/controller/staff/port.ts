import type { StaffCall } from '../../contract';

/**
 * Where a visitor's call for a person goes. The controller records every call through this port;
 * the adapter decides how staff hear of it (the center's sync outbox, a pager, a light). An adapter
 * that cannot take the call rejects, and the visitor is told to go to the information desk.
 */
export interface StaffNotifier {
  notify(call: StaffCall): Promise<void>;
}
