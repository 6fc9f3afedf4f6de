/**
 * Render + encode of one ticket (raster, any script) against node-thermal-printer building the
 * same ticket as code-page text + Epson QR. Prints both times and the ratio, in one run.
 * Run: npm run bench:ticket
 */
import { ThermalPrinter, PrinterTypes, CharacterSet } from 'node-thermal-printer';
import { DEMO_CATALOG } from '../src/controller/config/demo-catalog';
import { ticketJobBuilder } from '../src/controller/devices/printer/ticket/ticket-job';
import type { Ticket } from '../src/contract';
import { isEntry } from './stats';

const service = DEMO_CATALOG.services[0]!;
const ticket: Ticket = { id: '3f1c2b7e-2d0a-4c55-9a53-0b1f6d8e9a11', serviceId: service.id, day: '2026-11-30', number: 7, display: 'A007', language: 'vi', state: 'printing', issuedAt: '2026-11-30T01:05:00.000Z' };
const extras = { wait: { peopleAhead: 4, minMinutes: 15, maxMinutes: 25 }, whereToGo: 'Quầy 2' };
const url = `https://hcc.example.vn/t/${ticket.id}`;

const ours = ticketJobBuilder({ adapter: 'simulator', profile: 'epson-tm-t20', cut: 'partial', qr: 'raster', timeoutMs: 5000, statusPollMs: 0 }, () => DEMO_CATALOG, 'https://hcc.example.vn/t/{id}');

function peer(): Buffer {
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: 'tcp://127.0.0.1:9', characterSet: CharacterSet.WPC1258_VIETNAMESE, width: 48 });
  p.alignCenter();
  p.bold(true);
  p.println(DEMO_CATALOG.centerName.vi);
  p.bold(false);
  p.drawLine();
  p.println('Số thứ tự của bạn');
  p.setTextQuadArea();
  p.println(ticket.display);
  p.setTextNormal();
  p.println(service.name.vi);
  p.println(`Số người đang chờ trước quý vị: ${extras.wait.peopleAhead}`);
  p.println(`Thời gian chờ dự kiến: ${extras.wait.minMinutes}–${extras.wait.maxMinutes} phút`);
  p.println(`Mời đến: ${extras.whereToGo}`);
  p.println('Giờ lấy số: 08:05 30/11/2026');
  p.printQR(url, { cellSize: 6, correction: 'M', model: 2 });
  p.println('Quét mã để theo dõi lượt của bạn');
  p.println('Vui lòng giữ vé cho đến khi được gọi số. Xin cảm ơn!');
  p.partialCut();
  return p.getBuffer();
}

function timePerRun(fn: () => unknown, minMs = 1500): { ms: number; runs: number } {
  fn(); // warm-up: fonts, JIT
  const t0 = performance.now();
  let runs = 0;
  while (performance.now() - t0 < minMs) {
    fn();
    runs++;
  }
  return { ms: (performance.now() - t0) / runs, runs };
}

export interface TicketRenderFigures {
  oursMs: number;
  peerMs: number;
  oursBytes: number;
  peerBytes: number;
  runs: { ours: number; peer: number };
}

/** One round: each side timed for at least `minMs` after a warm-up. */
export function measureTicketRender(minMs = 1500): TicketRenderFigures {
  const a = timePerRun(() => ours(ticket, service, extras), minMs);
  const b = timePerRun(peer, minMs);
  return { oursMs: a.ms, peerMs: b.ms, oursBytes: ours(ticket, service, extras).length, peerBytes: peer().length, runs: { ours: a.runs, peer: b.runs } };
}

if (isEntry('ticket-render')) {
  const f = measureTicketRender();
  console.log(`lobby-robot raster ticket (render + encode): ${f.oursMs.toFixed(2)} ms/ticket over ${f.runs.ours} runs, ${f.oursBytes} bytes`);
  console.log(`node-thermal-printer text ticket (build):     ${f.peerMs.toFixed(3)} ms/ticket over ${f.runs.peer} runs, ${f.peerBytes} bytes`);
  console.log(`ratio (lobby-robot / node-thermal-printer): ${(f.oursMs / f.peerMs).toFixed(1)}x time, ${(f.oursBytes / f.peerBytes).toFixed(1)}x bytes`);
}
