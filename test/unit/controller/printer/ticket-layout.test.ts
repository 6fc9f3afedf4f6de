/**
 * The ticket's layout at both printer widths (80 mm = 576 dots, 58 mm = 384 dots) in every
 * language: the logo covers no text, no two lines overlap, every line fits the paper and is drawn
 * at a size thermal paper can show. The golden images (test/integration/printer) are how it looks.
 */
import { LANGUAGES, type Language } from '../../../../src/contract';
import { DEMO_CATALOG } from '../../../../src/controller/config/demo-catalog';
import { minTextDots } from '../../../../src/controller/devices/printer/ticket/pen';
import { renderTicket, type TicketBox } from '../../../../src/controller/devices/printer/ticket/render-ticket';
import { ticketContent, type TicketExtras } from '../../../../src/controller/devices/printer/ticket/ticket-job';
import { waitStrings } from '../../../../src/controller/devices/printer/ticket/ticket-strings';
import { sayWait } from '../../../../src/core/queue';
import { DEMO_EXTRAS, demoTicket } from '../../../support/ticket-fixture';

const WIDTHS = [576, 384] as const;
const CASES = LANGUAGES.flatMap((lang) => WIDTHS.map((width) => [lang, width] as const));

function draw(lang: Language, width: number, extras: TicketExtras = { ...DEMO_EXTRAS, priority: true }) {
  const { ticket, service } = demoTicket(lang);
  return renderTicket(ticketContent(ticket, service, DEMO_CATALOG.centerName, 'https://hcc.example.vn/t/{id}', extras), width);
}

const overlap = (a: TicketBox, b: TicketBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const label = (b: TicketBox) => `${b.kind} "${b.text ?? ''}" at ${b.x},${b.y} ${b.width}x${b.height}`;

describe('ticket layout', () => {
  it.each(CASES)('%s at %i dots: the logo covers no text and no two lines overlap', (lang, width) => {
    const { layout } = draw(lang, width);
    for (const section of [layout.top, layout.bottom]) {
      const clashes: string[] = [];
      section.forEach((a, i) => section.slice(i + 1).forEach((b) => overlap(a, b) && clashes.push(`${label(a)} × ${label(b)}`)));
      expect(clashes).toEqual([]);
    }
    const logo = layout.top.filter((b) => b.kind === 'logo');
    expect(logo).toHaveLength(1);
    expect(layout.top.find((b) => b.kind === 'text')!.y).toBeGreaterThan(logo[0]!.y + logo[0]!.height);
  });

  it.each(CASES)('%s at %i dots: every line is inside the paper and large enough to read', (lang, width) => {
    const { layout } = draw(lang, width);
    for (const b of [...layout.top, ...layout.bottom]) {
      expect({ box: label(b), inside: b.x >= 0 && b.x + b.width <= width }).toEqual({ box: label(b), inside: true });
      if (b.text) expect({ box: label(b), px: b.px! >= minTextDots(b.text) }).toEqual({ box: label(b), px: true });
    }
  });

  it.each(LANGUAGES)('%s: the paper says the wait in the screen\'s words, the citizen\'s language then Vietnamese', (lang) => {
    const texts = draw(lang, 576).layout.top.map((b) => b.text).join('\n');
    const said = sayWait(DEMO_EXTRAS.wait, waitStrings(lang));
    const vi = sayWait(DEMO_EXTRAS.wait, waitStrings('vi'));
    for (const line of [said.ahead, said.wait!, vi.ahead, vi.wait!]) expect(texts.replace(/\n/g, ' ')).toContain(line);
  });

  it.each(LANGUAGES)('%s: with nobody ahead the paper says "you are next" and gives no minutes', (lang) => {
    const texts = draw(lang, 384, { wait: { peopleAhead: 0, minMinutes: 0, maxMinutes: 0 } }).layout.top.map((b) => b.text ?? '');
    expect(texts.join(' ')).toContain(waitStrings(lang).next);
    expect(texts.join(' ')).toContain(waitStrings('vi').next);
    expect(texts.join(' ')).not.toMatch(/khoảng|phút|min\b|分|분/);
  });
});
