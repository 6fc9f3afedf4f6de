import { Catalog, ProcedureGuide, procedureCatalogProblems } from '../../contract';
// Bundled into the build (esbuild inlines JSON), so the robot never misses these files at run time.
import demoCatalogJson from '../../../assets/catalog/demo-catalog.json';
import proceduresJson from '../../../assets/catalog/procedures.json';

/**
 * The demo ward center used by the simulator profile: one ticket service per procedure of the
 * guide, numbered per field prefix (A civil status, B certification, C land, D construction,
 * E business, F social affairs, R result pick-up). A real center's catalog comes from
 * `catalogFile` or, once synced, from the center itself.
 */
export const DEMO_CATALOG: Catalog = Catalog.parse(demoCatalogJson);

/** The procedure guide shipped with the robot (assets/catalog/procedures.json), validated. */
export const DEMO_PROCEDURES: ProcedureGuide = ProcedureGuide.parse(proceduresJson);

// A shipped guide that names services the shipped catalog lacks is a build error, not a runtime surprise.
const problems = procedureCatalogProblems(DEMO_PROCEDURES, DEMO_CATALOG);
if (problems.length) throw new Error(`assets/catalog: the procedure guide and the demo catalog disagree:\n${problems.join('\n')}`);
