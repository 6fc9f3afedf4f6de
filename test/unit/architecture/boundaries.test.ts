import { join } from 'node:path';
import { checkTree } from '../../support/boundaries';

const ROOT = join(__dirname, '..', '..', '..');

describe('layer boundaries of ARCHITECTURE.md', () => {
  it('hold in the project sources', () => {
    expect(checkTree(ROOT)).toEqual([]);
  });

  it('are caught when a fixture breaks them, and clean files pass', () => {
    const found = checkTree(join(ROOT, 'test', 'fixtures', 'boundary')).map((v) => `${v.file} ${v.specifier}: ${v.reason}`);
    expect(found.sort()).toEqual(
      [
        'src/controller/main.ts ../ui/app: controller may not import ui',
        'src/controller/main.ts electron: controller may not import electron',
        'src/controller/main.ts ../center/server: controller may not import center',
        'src/core/reads-files.ts node:fs: core may not use Node built-ins',
        'src/electron/preload.ts ../controller/main: electron may not import controller',
        'src/ui/reaches-controller.ts ../controller/main: ui may not import controller',
      ].sort(),
    );
  });
});
