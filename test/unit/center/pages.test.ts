import { counterHtml, counterJs } from '../../../src/center/pages/counter';
import { displayHtml, displayJs } from '../../../src/center/pages/display';
import { fleetHtml, fleetJs } from '../../../src/center/pages/fleet';
import { ticketHtml, ticketJs } from '../../../src/center/pages/ticket';

describe('center pages', () => {
  it.each([
    ['counter', counterHtml, counterJs],
    ['display', displayHtml, displayJs],
    ['fleet', fleetHtml, fleetJs],
    ['ticket', ticketHtml, ticketJs],
  ])('%s: script parses, HTML has no inline script (the CSP allows only /assets) and is bilingual', (name, html, js) => {
    expect(() => new Function(js)).not.toThrow();
    expect(html).toContain(`<script src="/assets/${name}.js"></script>`);
    expect(html.match(/<script>/g)).toBeNull();
    expect(html).toContain('<html lang="vi">');
    expect(html).toMatch(/class="en"/);
  });

  it('the display announces in Vietnamese and English with the browser speech synthesis', () => {
    expect(displayJs).toContain("vi.lang = 'vi-VN'");
    expect(displayJs).toContain("en.lang = 'en-US'");
    expect(displayJs).toContain('speechSynthesis.speak');
  });
});
