/**
 * Render + encode of one ticket (raster, any script) against node-thermal-printer building the
 * same ticket as code-page text + Epson QR. Prints both times and the ratio, in one run.
 * Run: npm run bench:ticket
 */
import { ThermalPrinter, PrinterTypes, CharacterSet } from 'node-thermal-printer';
import { DEMO_CATALOG } from '../src/controller/config/demo-catalog';
import { ticketJobBuilder } from '../src/controller/devices/printer/ticket/ticket-job';
import type { Ticket } from '../src/contract';

const service = DEMO_CATALOG.services[0]!;
const ticket: Ticket = { id: '3f1c2b7e-2d0a-4c55-9a53-0b1f6d8e9a11', serviceId: service.id, day: '2026-11-30', number: 7, display: 'A007', language: 'vi', state: 'printing', issuedAt: '2026-11-30T01:05:00.000Z' };
const extras = { peopleAhead: 4, estimatedWaitMinutes: 20, whereToGo: 'Quầy 2' };
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
  p.println(`Số người đang chờ trước bạn: ${extras.peopleAhead}`);
  p.println(`Thời gian chờ dự kiến: khoảng ${extras.estimatedWaitMinutes} phút`);
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

const a = timePerRun(() => ours(ticket, service, extras));
const b = timePerRun(peer);
const bytesA = ours(ticket, service, extras).length;
const bytesB = peer().length;
console.log(`lobby-robot raster ticket (render + encode): ${a.ms.toFixed(2)} ms/ticket over ${a.runs} runs, ${bytesA} bytes`);
console.log(`node-thermal-printer text ticket (build):     ${b.ms.toFixed(3)} ms/ticket over ${b.runs} runs, ${bytesB} bytes`);
console.log(`ratio (lobby-robot / node-thermal-printer): ${(a.ms / b.ms).toFixed(1)}x time, ${(bytesA / bytesB).toFixed(1)}x bytes`);
