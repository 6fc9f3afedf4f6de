import type { Page } from 'playwright-core';

/**
 * What a visitor could not reach or read on the screen as it is now, checked on the live page:
 * - every control (button, select, input, link) lies wholly inside the viewport, and a tap at its
 *   centre lands on it (document.elementFromPoint returns it or a descendant), so nothing is cut off,
 *   pushed below the screen or hidden under a bar, a banner or another control;
 * - no text overflows its box (scrollWidth/scrollHeight beyond the box) or the viewport.
 * Controls inside a list that is meant to scroll (an element with `data-scrolls`) count as reachable
 * when they are scrolled out of that list's visible part; the list itself must be on screen.
 */
export interface LayoutProblem {
  kind: 'off-screen' | 'covered' | 'overflow';
  what: string;
}

export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: { kind: 'off-screen' | 'covered' | 'overflow'; what: string }[] = [];
    const W = window.innerWidth;
    const H = window.innerHeight;
    const label = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''}${[...el.attributes].filter((a) => a.name.startsWith('data-')).map((a) => `[${a.name}=${a.value}]`).join('')} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0.05;
    };
    /** The visible part of the nearest scrolling list, when `el` is in one. */
    const scrollList = (el: Element): DOMRect | undefined => el.parentElement?.closest('[data-scrolls]')?.getBoundingClientRect();
    const inside = (r: DOMRect, box: { left: number; top: number; right: number; bottom: number }) => r.left >= box.left - 0.5 && r.top >= box.top - 0.5 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
    const viewport = { left: 0, top: 0, right: W, bottom: H };
    // the robot's hidden service-mode corner (a 5 s press) is not for visitors
    const ignored = (el: Element) => !!el.closest('[data-testid="service-corner"]');
    // behind a modal dialog nothing is meant to be reached: only the dialog's controls count
    const modal = document.querySelector('[role="alertdialog"], [aria-modal="true"]');
    const behindModal = (el: Element) => !!modal && !modal.contains(el);
    const CONTROLS = 'button, a[href], input, select, textarea, [role="button"]';

    for (const el of Array.from(document.querySelectorAll(CONTROLS))) {
      if (!visible(el) || ignored(el) || behindModal(el)) continue;
      const r = el.getBoundingClientRect();
      const list = scrollList(el);
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      if (list && (cy < list.top || cy > list.bottom || cx < list.left || cx > list.right)) continue; // scrolled away in its list
      const box = list ? { left: Math.max(0, list.left), top: Math.max(0, list.top), right: Math.min(W, list.right), bottom: Math.min(H, list.bottom) } : viewport;
      if (!inside(r, viewport) || (!list && !inside(r, box))) {
        problems.push({ kind: 'off-screen', what: `${label(el)} at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)} (${W}x${H})` });
        continue;
      }
      const hit = document.elementFromPoint(cx, cy);
      if (!hit || !(el === hit || el.contains(hit))) problems.push({ kind: 'covered', what: `${label(el)} under ${hit ? label(hit) : 'nothing'}` });
    }

    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (!visible(el) || ignored(el) || el.closest('svg')) continue;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if (!ownText) continue;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (s.display !== 'inline' && el.tagName !== 'OPTION' && el.tagName !== 'SELECT' && el.tagName !== 'INPUT') {
        if (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2) {
          problems.push({ kind: 'overflow', what: `${label(el)} text ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}` });
          continue;
        }
      }
      const list = scrollList(el);
      if (el.matches(CONTROLS) || behindModal(el) || (list && (r.bottom < list.top || r.top > list.bottom))) continue;
      if (!inside(r, viewport)) problems.push({ kind: 'off-screen', what: `text ${label(el)} at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)} (${W}x${H})` });
    }
    return problems;
  });
}

/** Codes and ids a person must never read: SCREAMING_CASE codes and the catalog's ids. */
export async function rawCodes(page: Page, ids: readonly string[]): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const codes = text.match(/\b[A-Z_]{6,}\b/g) ?? [];
  const leaked = ids.filter((id) => id.includes('-') && new RegExp(`(^|[^\\w-])${id.replace(/[-]/g, '\\-')}($|[^\\w-])`).test(text));
  return [...codes, ...leaked];
}
