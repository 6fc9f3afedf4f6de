/**
 * The printer's diagnostic page, as a technician reads it at the robot: a dot test (every dot of
 * the head, fine checkers, the edges of the configured width), the character columns the width
 * gives, the code page's characters, the printer's status as it answered just now, and the printer
 * part of the config. It is never a ticket: no queue number, no QR, nothing a citizen could take.
 * Text is sent as ESC/POS text (ASCII, the printer's own font) so that the page also shows whether
 * the printer understands plain commands; the patterns are raster, like the tickets.
 */
import type { PartStatus } from '../../contract';
import { CENTER_TIME_ZONE } from '../../core/business-day';
import type { PrinterConfig } from '../config/schema';
import { align, asciiLine, concat, ESC, feedAndCut, feedLines, initialize, printDensity, rasterBands } from '../devices/printer/escpos/encoder';
import type { PrinterCondition } from '../devices/printer/escpos/status';
import type { PrinterProfile } from '../devices/printer/profiles';
import { createBitmap, setDot, type Bitmap } from '../devices/printer/ticket/bitmap';
import { bandRows } from '../devices/printer/ticket/encode-ticket';

type ConfiguredPrinter = Exclude<PrinterConfig, { adapter: 'none' }>;

export interface TestPageInput {
  config: ConfiguredPrinter;
  profile: PrinterProfile;
  status: PartStatus;
  /** What DLE EOT answered just before printing; undefined when the transport has no back channel. */
  condition: PrinterCondition | undefined;
  robotId: string;
  version: string;
  at: Date;
}

/** Font A is 12 dots wide: the columns of one text line at this width. */
export const fontAColumns = (widthDots: number) => Math.floor(widthDots / 12);

const bytes = (...b: number[]) => Uint8Array.from(b);
const DOUBLE = bytes(ESC, 0x21, 0x30);
const NORMAL = bytes(ESC, 0x21, 0x00);
/** ESC t 0: code page PC437, the one every ESC/POS printer starts in. */
const CODE_PAGE_437 = bytes(ESC, 0x74, 0);

/** A full black bar, 1-dot and 2-dot checkers, then a frame with a tick every 8 dots (longer each 48, 6 mm). */
export function dotTestBitmap(width: number): Bitmap {
  const b = createBitmap(width, 24 + 8 + 16 + 8 + 16 + 8 + 40);
  const fill = (y0: number, rows: number, dot: (x: number, y: number) => boolean) => {
    for (let y = y0; y < y0 + rows; y++) for (let x = 0; x < width; x++) if (dot(x, y - y0)) setDot(b, x, y, true);
  };
  fill(0, 24, () => true);
  fill(32, 16, (x, y) => (x + y) % 2 === 0);
  fill(56, 16, (x, y) => (Math.floor(x / 2) + Math.floor(y / 2)) % 2 === 0);
  const top = 80;
  fill(top, 40, (x, y) => x === 0 || x === width - 1 || y === 0 || y === 39 || (x % 8 === 0 && y < (x % 48 === 0 ? 24 : 10)));
  return b;
}

function label(condition: PrinterCondition | undefined): string[] {
  if (!condition) return ['Status reply: none (this transport has no back channel)'];
  const yesNo = (v: boolean) => (v ? 'YES' : 'no');
  return [
    `Online: ${yesNo(!condition.offline)}   Cover open: ${yesNo(condition.coverOpen)}`,
    `Paper out: ${yesNo(condition.paperOut)}   Near end: ${yesNo(condition.paperNearEnd)}`,
    `Cutter error: ${yesNo(condition.cutterError)}   Fatal error: ${yesNo(condition.unrecoverableError)}`,
  ];
}

function configLines(c: ConfiguredPrinter, p: PrinterProfile, width: number): string[] {
  const where = c.adapter === 'tcp' ? `${c.host}:${c.port}` : c.adapter === 'usblp' ? c.device : c.adapter === 'serial' ? `${c.path} ${c.baudRate} baud` : c.adapter === 'usb' ? `usb ${c.vendorId ?? 'any'}:${c.productId ?? 'any'}` : 'virtual printer';
  return [
    `Adapter: ${c.adapter} (${where})`,
    `Model: ${c.profile} - ${p.name}`,
    `Width: ${width} dots (${width / 8} mm)${c.widthDots ? ' set in config' : ' of the model'}`,
    `Density: ${c.density ?? 'printer default'}${p.density ? '' : ' (model has no density)'}`,
    `Cut: ${c.cut}   QR: ${c.qr}${p.epsonQr ? '' : ' (no GS ( k)'}`,
    `Band: ${p.maxBandBytes} bytes   Status replies: ${p.realTimeStatus ? 'yes' : 'no'}`,
    `Timeout: ${c.timeoutMs} ms   Status poll: ${c.statusPollMs} ms`,
  ];
}

/** The whole page as one ESC/POS job, printed with the configured density and cut. */
export function testPageJob(input: TestPageInput): Uint8Array {
  const { config, profile } = input;
  const width = config.widthDots ?? profile.widthDots;
  const cols = fontAColumns(width);
  const when = new Intl.DateTimeFormat('en-GB', { timeZone: CENTER_TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' }).format(input.at);
  const text = (lines: string[]) => concat(lines.map(asciiLine));
  const heading = (h: string) => concat([asciiLine(''), asciiLine(`== ${h} ==`)]);
  const ruler = Array.from({ length: cols }, (_, i) => String((i + 1) % 10)).join('');
  const printable = Array.from({ length: 95 }, (_, i) => 0x20 + i);
  const high = Array.from({ length: 128 }, (_, i) => 0x80 + i);
  const table = (codes: number[]) => {
    const rows: Uint8Array[] = [];
    for (let i = 0; i < codes.length; i += 32) rows.push(Uint8Array.from([...codes.slice(i, i + 32), 0x0a]));
    return concat(rows);
  };
  const parts: Uint8Array[] = [initialize(), CODE_PAGE_437];
  if (config.density !== undefined && profile.density) parts.push(printDensity(config.density));
  parts.push(
    align('center'), DOUBLE, asciiLine('PRINTER TEST PAGE'), NORMAL,
    text([`lobby-robot ${input.version}  robot ${input.robotId}`, `${when} (${CENTER_TIME_ZONE})`, 'Not a queue ticket']),
    align('left'),
    heading('Dot test'),
    rasterBands(dotTestBitmap(width), bandRows(profile, Math.ceil(width / 8))),
    text(['Bar solid, checkers even, both frame edges printed.']),
    heading('Widths'),
    text([`${width} dots = ${cols} columns of font A:`, ruler, '80 mm roll: 576 dots, 48 columns', '58 mm roll: 384 dots, 32 columns']),
    heading('Code page'),
    text(['ESC t 0: PC437, 0x20-0x7E:']),
    table(printable),
    text(['0x80-0xFF:']),
    table(high),
    text(['Tickets are printed as images: any code page will do.']),
    heading('Status'),
    text([`State: ${input.status.state}${input.status.code ? ` (${input.status.code})` : ''}`, ...label(input.condition)]),
    heading('Config'),
    text(configLines(config, profile, width)),
    align('center'),
    asciiLine(''),
    asciiLine('== end of test page =='),
    feedLines(3),
  );
  if (config.cut !== 'none') parts.push(feedAndCut(config.cut));
  return concat(parts);
}
