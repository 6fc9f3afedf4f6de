/**
 * Dossier look-up: the scanned or typed text (bare code, receipt QR, portal link) is read into one
 * dossier code, then the center says where the dossier stands. Only the center knows, so without
 * it the answer is DOSSIER_LOOKUP_OFFLINE (ask at the counter), never a guess. A dossier ready for
 * pick-up comes with the result-pickup service, so the screen can offer that ticket.
 */
import { CodedError, isCodedError, type Catalog, type DossierLookupResponse } from '../../contract';
import { dossierOffersPickup } from '../../core/appointments/check-in';
import { detectCode } from '../../core/codes';
import type { Logger } from '../log';
import type { AppointmentCenter } from './check-in-service';

/** The demo catalog's service for collecting results (prefix R). */
export const RESULT_PICKUP_SERVICE_ID = 'result-pickup';

export interface DossierDeps {
  center: Pick<AppointmentCenter, 'lookupDossier'> | null;
  catalog: () => Catalog;
  now: () => Date;
  log: Logger;
}

export async function lookupDossier(deps: DossierDeps, text: string): Promise<DossierLookupResponse> {
  // signatures do not matter here: a dossier code is not signed
  const parsed = detectCode(text, { now: deps.now(), verify: () => false });
  if (!parsed.ok) throw new CodedError(parsed.code === 'SCAN_UNKNOWN_FORMAT' ? 'DOSSIER_CODE_INVALID' : parsed.code, parsed.detail);
  const value = parsed.value;
  if (value.format !== 'dossier' && value.format !== 'portal-link') throw new CodedError('DOSSIER_CODE_INVALID', `a ${value.format} code`);
  if (!deps.center) throw new CodedError('DOSSIER_LOOKUP_OFFLINE', 'no center configured');
  let dossier;
  try {
    dossier = await deps.center.lookupDossier(value.dossier.code);
  } catch (e) {
    if (isCodedError(e) && e.code === 'CENTER_NOT_FOUND') throw new CodedError('DOSSIER_NOT_FOUND', 'unknown to the center');
    deps.log.warn({ code: isCodedError(e) ? e.code : 'SYNC_CENTER_UNREACHABLE' }, 'dossier look-up: center unreachable');
    throw new CodedError('DOSSIER_LOOKUP_OFFLINE', 'center unreachable');
  }
  const pickup = dossierOffersPickup(dossier.status) && deps.catalog().services.some((s) => s.id === RESULT_PICKUP_SERVICE_ID);
  return { dossier, ...(pickup ? { pickupServiceId: RESULT_PICKUP_SERVICE_ID } : {}) };
}
