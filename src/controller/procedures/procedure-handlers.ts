import { CodedError, type ProcedureGuide } from '../../contract';
import type { Handlers } from '../api/dispatcher';

/**
 * The API commands of the procedure guide. `guide` is read on every call so a guide replaced at
 * run time (e.g. synced from the center) is served at once.
 */
export function procedureHandlers(guide: () => ProcedureGuide): Pick<Handlers, 'procedure.list' | 'procedure.get'> {
  return {
    'procedure.list': () => {
      const g = guide();
      return { compiledOn: g.compiledOn, disclaimer: g.disclaimer, procedures: g.procedures };
    },
    'procedure.get': ({ id }) => {
      const g = guide();
      const procedure = g.procedures.find((p) => p.id === id);
      if (!procedure) throw new CodedError('PROCEDURE_UNKNOWN', `no procedure ${id.slice(0, 48)}`);
      const cited = new Set(procedure.legalBasis);
      return { procedure, legalDocuments: g.legalDocuments.filter((d) => cited.has(d.id)) };
    },
  };
}
