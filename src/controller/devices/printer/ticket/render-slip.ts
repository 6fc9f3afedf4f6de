/**
 * The appointment slip and the home-visit slip (issue 18), drawn with the ticket's own pen and
 * sections (render-ticket.ts) and encoded like a ticket: text above, the QR, a footer below.
 * The citizen's language first, Vietnamese beside it for staff, as on the ticket.
 */
import { z } from 'zod';
import { LANGUAGES, type Language, type LocalizedText } from '../../../../contract';
import { readProjectJson } from '../../../project-files';
import { drawSection, qrBitmap, writer, type TicketDrawing } from './render-ticket';
import { registerTicketFonts } from './fonts';
import type { Pen } from './pen';

const SlipStrings = z.record(z.string(), z.string().min(1).max(200));
let strings: Record<Language, Record<string, string>> | undefined;

/** Slip wording from locales/<lang>/booking.json "slip" (read once, validated). */
export function slipString(lang: Language, key: string, values: Record<string, string> = {}): string {
  strings ??= Object.fromEntries(LANGUAGES.map((l) => [l, SlipStrings.parse((readProjectJson('locales', l, 'booking.json') as { slip: unknown }).slip)])) as Record<Language, Record<string, string>>;
  return (strings[lang][key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
}

interface SlipBase {
  language: Language;
  centerName: LocalizedText;
  serviceName: LocalizedText;
}

export interface AppointmentSlip extends SlipBase {
  kind: 'appointment';
  /** Date and time as the citizen reads them, already in the center's zone and the citizen's language. */
  when: { date: string; time: string };
  counterGroup: string;
  code: string;
  /** Documents to bring, in the citizen's language (from the procedure guide). */
  documents: string[];
  qrText: string;
}

export interface HomeVisitSlip extends SlipBase {
  kind: 'home-visit';
  category: 'elderly' | 'disability';
  preferredDays: string[];
  maskedPhone: string;
  statusUrl: string;
}

export type SlipContent = AppointmentSlip | HomeVisitSlip;

/** A line in the citizen's language, then in Vietnamese (smaller) unless they are one. */
function both(pen: Pen, lang: Language, key: string, size: number, values: Record<string, string> = {}, bold = false) {
  pen.text(slipString(lang, key, values), size, { bold });
  if (lang !== 'vi') pen.text(slipString('vi', key, values), Math.round(size * 0.75));
}

function drawAppointment(pen: Pen, s: AppointmentSlip) {
  pen.banner(slipString(s.language, 'appointmentTitle'), 30);
  writer(pen, s.language).named(s.serviceName, 28);
  pen.space(6);
  // the time large; the date (long in some languages) wraps like any line
  pen.hugeText(s.when.time, 96);
  pen.text(s.when.date, 28, { bold: true });
  both(pen, s.language, 'whereToGo', 26, { place: s.counterGroup }, true);
  pen.text(slipString(s.language, 'code', { code: s.code }), 22);
  if (s.documents.length) {
    pen.space(6);
    pen.rule(2);
    pen.text(slipString(s.language, 'bring'), 24, { bold: true });
    for (const d of s.documents.slice(0, 15)) pen.text(`• ${d}`, 21);
  }
  pen.space(8);
}

function drawVisit(pen: Pen, s: HomeVisitSlip) {
  pen.banner(slipString(s.language, 'visitTitle'), 30);
  writer(pen, s.language).named(s.serviceName, 28);
  pen.space(6);
  const category = (l: Language) => slipString(l, s.category === 'elderly' ? 'categoryElderly' : 'categoryDisability');
  pen.text(slipString(s.language, 'category', { category: category(s.language) }), 24);
  pen.text(slipString(s.language, 'preferredDays', { days: s.preferredDays.join(', ') }), 22);
  pen.text(slipString(s.language, 'phone', { phone: s.maskedPhone }), 22);
  pen.space(6);
  both(pen, s.language, 'visitNext', 26, {}, true);
  pen.space(8);
}

export function renderSlip(s: SlipContent, widthDots: number): TicketDrawing {
  if (widthDots < 256 || widthDots > 832 || widthDots % 8) throw new RangeError(`printer width 256-832 dots in steps of 8, got ${widthDots}`);
  registerTicketFonts();
  const top = drawSection(widthDots, (pen) => {
    writer(pen, s.language).named(s.centerName, 24);
    pen.space(6);
    if (s.kind === 'appointment') drawAppointment(pen, s);
    else drawVisit(pen, s);
  });
  const bottom = drawSection(widthDots, (pen) => {
    both(pen, s.language, s.kind === 'appointment' ? 'scanToCheckIn' : 'scanForStatus', 22);
    pen.space(6);
    pen.rule(2);
    both(pen, s.language, 'footer', 20);
    pen.space(24);
  });
  const data = s.kind === 'appointment' ? s.qrText : s.statusUrl;
  const moduleSize = widthDots >= 512 ? 5 : 3;
  return { widthDots, top: top.bitmap, qr: { data, moduleSize, bitmap: qrBitmap(data, moduleSize) }, bottom: bottom.bitmap, layout: { top: top.boxes, bottom: bottom.boxes } };
}
