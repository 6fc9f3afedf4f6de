import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tempDir } from '../../support/robot-process';
import { PNG } from 'pngjs';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { LANGUAGES } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { createPrinter } from '../../../src/controller/devices/printer/create-printer';
import { ticketJobBuilder } from '../../../src/controller/devices/printer/ticket/ticket-job';
import { qrOnPaper } from '../../support/paper-qr';
import { DEMO_EXTRAS, demoTicket } from '../../support/ticket-fixture';

const GOLDEN = join(__dirname, '..', '..', 'fixtures', 'tickets');
/** Anti-aliasing of a font build may move a few edge dots; a wrong glyph or layout moves thousands. */
const TOLERANCE = 0.002;

function differingFraction(a: Buffer, b: Buffer): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return 1;
  let diff = 0;
  for (let i = 0; i < x.width * x.height; i++) if ((x.data[i * 4]! < 128) !== (y.data[i * 4]! < 128)) diff++;
  return diff / (x.width * x.height);
}

/** 80 mm paper (576 dots, golden <lang>.png) and 58 mm paper (384 dots, golden <lang>-384.png). */
const PAPERS = [
  { widthDots: 576, profile: 'epson-tm-t20', suffix: '' },
  { widthDots: 384, profile: 'xprinter-58', suffix: '-384' },
] as const;
const CASES = PAPERS.flatMap((paper) => LANGUAGES.map((lang) => [lang, paper.widthDots, paper] as const));

describe('tickets in five languages through the virtual printer (TCP 9100, DLE EOT, raster GS v 0)', () => {
  let sim: VirtualPrinter;
  let sim58: VirtualPrinter;
  beforeAll(async () => {
    sim = await startVirtualPrinter();
    sim58 = await startVirtualPrinter({ widthDots: 384 });
  });
  afterAll(async () => {
    await sim.close();
    await sim58.close();
  });

  it.each(CASES)('%s at %i dots: the decoded paper matches the reviewed golden image and its QR opens the status page', async (lang, widthDots, paper) => {
    const config = { adapter: 'simulator', profile: paper.profile, cut: 'partial', qr: 'raster', timeoutMs: 3000, statusPollMs: 0 } as const;
    const target = widthDots === 384 ? sim58 : sim;
    // the simulated 58 mm printer answers status like the Epson it is modelled on
    const printer = createPrinter({ ...config, profile: 'epson-tm-t20' }, { simulatorPort: target.port });
    const build = ticketJobBuilder(config, () => DEMO_CATALOG, 'https://hcc.example.vn/t/{id}');
    const { ticket, service } = demoTicket(lang);
    const before = target.jobs.length;
    await printer.print(build(ticket, service, DEMO_EXTRAS));
    await printer.close();
    const job = target.jobs[before]!;
    expect(job).toBeDefined();
    expect(PNG.sync.read(job.png).width).toBe(widthDots);

    const golden = join(GOLDEN, `${lang}${paper.suffix}.png`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
      writeFileSync(golden, job.png);
      process.stderr.write(`wrote ${golden}: review it before committing\n`);
    }
    expect(differingFraction(job.png, readFileSync(golden))).toBeLessThanOrEqual(TOLERANCE);
    expect(qrOnPaper(job.png)).toBe(`https://hcc.example.vn/t/${ticket.id}`);
    expect(job.text).toContain('[cut partial]');
  });

  it('prints the same ticket with an Epson GS ( k QR that the decoder draws and jsQR reads', async () => {
    const config = { adapter: 'simulator', profile: 'epson-tm-t88', cut: 'full', qr: 'epson', timeoutMs: 3000, statusPollMs: 0 } as const;
    const printer = createPrinter(config, { simulatorPort: sim.port });
    const { ticket, service } = demoTicket('en');
    const before = sim.jobs.length;
    await printer.print(ticketJobBuilder(config, () => DEMO_CATALOG, 'https://hcc.example.vn/t/{display}/{id}')(ticket, service));
    await printer.close();
    const job = sim.jobs[before]!;
    expect(job.text).toContain(`[qr M module 6] https://hcc.example.vn/t/A007/${ticket.id}`);
    expect(job.text).toContain('[cut full]');
    expect(qrOnPaper(job.png)).toBe(`https://hcc.example.vn/t/A007/${ticket.id}`);
  });

  it('writes each decoded job as PNG + text dump into its output folder (what `npm start` logs)', async () => {
    const dir = tempDir();
    const out = await startVirtualPrinter({ outputDir: dir });
    const config = { adapter: 'simulator', profile: 'epson-tm-t20', cut: 'partial', qr: 'raster', timeoutMs: 3000, statusPollMs: 0 } as const;
    const printer = createPrinter(config, { simulatorPort: out.port });
    const { ticket, service } = demoTicket('vi');
    await printer.print(ticketJobBuilder(config, () => DEMO_CATALOG, 'https://hcc.example.vn/t/{id}')(ticket, service));
    await printer.close();
    await out.close();
    const job = out.jobs[0]!;
    expect(job.pngPath).toMatch(new RegExp(`^${dir}/.+\\.png$`));
    expect(readFileSync(job.pngPath!)).toEqual(job.png);
    expect(readdirSync(dir).sort()).toEqual([basename(job.pngPath!), basename(job.pngPath!).replace(/png$/, 'txt')].sort());
  });
});
