/**
 * The real udev agrees with the strict parser: it reads 70-lobby-robot.rules without a word,
 * and complains about the broken fixtures the parser rejects. Needs root with CAP_SYS_ADMIN for
 * a private mount namespace (see test/support/udevadm.ts); elsewhere these tests are skipped
 * with the reason printed, and the parser's own tests still run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linesAbout, udevadmRead } from '../../support/udevadm';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/deploy/udev');
const OURS = '70-lobby-robot.rules';
// udev 252 accepts these two (it applies the rule); newer udev and our parser do not
const LENIENT_IN_UDEV_252 = new Set(['missing-comma.rules', 'trailing-comma.rules']);

const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.rules'));
const files: Record<string, string> = { [OURS]: readFileSync(join(ROOT, 'hardware/deploy/udev', OURS), 'utf8') };
for (const f of fixtures) files[f] = readFileSync(join(FIXTURES, f), 'utf8');

const run = udevadmRead(files);
if (!run.available) process.stderr.write(`udevadm cross-check skipped: ${run.reason}\n`);
const check = run.available ? it : it.skip;

describe('udev rules: cross-check with udevadm test (udev 252)', () => {
  check('udev reads 70-lobby-robot.rules without a complaint', () => {
    if (!run.available) return;
    expect(run.output).toContain(`Reading rules file: /etc/udev/rules.d/${OURS}`);
    expect(linesAbout(run.output, OURS)).toEqual([]);
  });

  check.each(fixtures.filter((f) => !LENIENT_IN_UDEV_252.has(f)))('udev complains about the broken fixture %s', (file) => {
    if (!run.available) return;
    expect(linesAbout(run.output, file)).not.toEqual([]);
  });
});
