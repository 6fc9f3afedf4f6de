/**
 * Screenshots are for people (review, the README), never an assertion: a 1080×1920 PNG costs about
 * half a second of a loaded CI core each, and the suite took hundreds of them. They are written
 * only when asked: SCREENS=1 writes them to test-artifacts/, UPDATE_SCREENS=1 (kiosk-layout) to
 * docs/screens/ for the README. Every check that runs beside a screenshot runs either way.
 */
export const SCREENS = process.env.SCREENS === '1' || process.env.UPDATE_SCREENS === '1';
