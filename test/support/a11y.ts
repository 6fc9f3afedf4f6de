import type { Page } from 'playwright-core';

/**
 * What a person at the kiosk needs, checked on the live page: text contrast of at least 7:1
 * (WCAG AAA), touch targets of at least 15 mm at the screen's DPI, and (portrait) every control
 * within the lower two thirds of the screen, where a seated or short visitor reaches.
 */
export interface A11yProblem {
  kind: 'contrast' | 'target' | 'reach';
  what: string;
  value: number;
}

export async function checkScreen(page: Page, opts: { dpi: number; portrait: boolean }): Promise<A11yProblem[]> {
  const minPx = (15 / 25.4) * opts.dpi;
  return page.evaluate(
    ({ minPx, portrait }) => {
      const problems: { kind: 'contrast' | 'target' | 'reach'; what: string; value: number }[] = [];
      const parse = (c: string): [number, number, number, number] => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (!m) return [0, 0, 0, 0];
        const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
        return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
      };
      const lum = ([r, g, b]: number[]) => {
        const ch = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
      };
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c[3] > 0.5) return c;
        }
        return [255, 255, 255, 1];
      };
      const label = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0.1;
      };
      const viewportH = window.innerHeight;

      for (const el of Array.from(document.querySelectorAll('body *'))) {
        if (!visible(el)) continue;
        const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
        if (ownText) {
          const fg = parse(getComputedStyle(el).color);
          const [l1, l2] = [lum(fg), lum(background(el))].sort((a, b) => b - a) as [number, number];
          const ratio = (l1 + 0.05) / (l2 + 0.05);
          if (ratio < 7) problems.push({ kind: 'contrast', what: label(el), value: Math.round(ratio * 100) / 100 });
        }
      }
      for (const el of Array.from(document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]'))) {
        if (!visible(el)) continue;
        const r = el.getBoundingClientRect();
        const small = Math.min(r.width, r.height);
        if (small < minPx) problems.push({ kind: 'target', what: label(el), value: Math.round(small) });
        if (portrait && r.top < viewportH / 3) problems.push({ kind: 'reach', what: label(el), value: Math.round(r.top) });
      }
      return problems;
    },
    { minPx, portrait: opts.portrait },
  );
}
