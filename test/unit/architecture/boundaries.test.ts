/**
 * The layer rules live in eslint.config.mjs (scripts/eslint/layers.mjs and the core purity rules),
 * so `npm run lint` enforces them on the sources. This test proves the same configuration fails
 * on fixtures that break each rule, and passes their clean neighbours: a rule that silently
 * stopped matching would let every breach through lint.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'boundary');

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number }[];
}

/** Runs ESLint's own command line (what `npm run lint` runs) with the project's config on the fixture tree. */
function lintFixtures(): string[] {
  let out: string;
  try {
    // cwd = the fixture tree, so its src/<layer>/… paths are read as layers exactly like the project's
    out = execFileSync(process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--config', join(ROOT, 'eslint.config.mjs'), '--format', 'json', 'src'], {
      cwd: FIXTURES,
      encoding: 'utf8',
    });
  } catch (e) {
    // exit status 1 = problems found, which is what the fixtures are for
    out = (e as { stdout: string }).stdout;
  }
  const results = JSON.parse(out) as LintResult[];
  return results.flatMap((r) =>
    r.messages
      .filter((m) => m.ruleId === 'layers/imports' || m.ruleId?.startsWith('no-restricted-'))
      .map((m) => `${r.filePath.slice(FIXTURES.length + 1)}:${m.line} ${m.ruleId}`),
  );
}

describe('layer boundaries of ARCHITECTURE.md, as lint', () => {
  it('fail on every fixture that breaks them, and pass the clean fixtures', () => {
    expect(lintFixtures().sort()).toEqual(
      [
        // the controller knows neither the UI, Electron nor the center
        'src/controller/main.ts:2 layers/imports',
        'src/controller/main.ts:3 layers/imports',
        'src/controller/main.ts:5 layers/imports',
        // only the simulators entry of the command line may load hardware/sim
        'src/cli/start.ts:2 layers/imports',
        // core reads no file, no clock, starts no timer
        'src/core/reads-files.ts:2 layers/imports',
        'src/core/reads-clock.ts:2 no-restricted-properties',
        'src/core/reads-clock.ts:3 no-restricted-globals',
        'src/core/reads-clock.ts:4 no-restricted-syntax',
        // Electron's preload and the UI reach the controller only through the API
        'src/electron/preload.ts:3 layers/imports',
        'src/ui/reaches-controller.ts:2 layers/imports',
        // outside the store no SQLite, no store connection, no SQL (its own modules may: store/tickets.ts passes)
        'src/controller/service-mode/raw-sql.ts:2 no-restricted-imports',
        'src/controller/service-mode/raw-sql.ts:3 no-restricted-imports',
        'src/controller/service-mode/raw-sql.ts:4 no-restricted-syntax',
        'src/controller/service-mode/raw-sql.ts:5 no-restricted-syntax',
      ].sort(),
    );
  }, 60_000);
});
