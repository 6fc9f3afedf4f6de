import type { ErrorCode } from '../contract/error-codes';
import en from '../../locales/en/shell.json';
import ja from '../../locales/ja/shell.json';
import ko from '../../locales/ko/shell.json';
import vi from '../../locales/vi/shell.json';
import zh from '../../locales/zh/shell.json';

/** The shell's own pages, shown when the controller's page cannot be. */
export type ShellPage = 'starting' | 'restarting' | 'fallback';

type ShellStrings = typeof vi;

// Vietnamese first and largest, then English: a citizen of any of the five languages can read it.
const LANGUAGES: ReadonlyArray<readonly [string, ShellStrings]> = [
  ['vi', vi],
  ['en', en],
  ['zh', zh],
  ['ko', ko],
  ['ja', ja],
];

const PAGE_CODES: Record<ShellPage, ErrorCode | null> = {
  starting: null,
  restarting: 'SHELL_CONTROLLER_RESTARTING',
  fallback: 'SHELL_RENDERER_CRASH_LOOP',
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// No script, no network: the page works with the controller dead and a CSP that allows nothing else.
const STYLE = `body{margin:0;height:100vh;display:flex;flex-direction:column;justify-content:center;
align-items:center;gap:1.2rem;background:#0b3d91;color:#fff;font-family:sans-serif;text-align:center}
h1{margin:0;font-size:3rem}p{margin:0;font-size:1.6rem}section{opacity:.85}section h2{margin:0;font-size:1.5rem}
section p{font-size:1.1rem}footer{position:fixed;bottom:1rem;font-size:1rem;opacity:.7}`;

export function shellPageHtml(page: ShellPage): string {
  const code = PAGE_CODES[page];
  const blocks = LANGUAGES.map(([lang, t], i) => {
    const title = escapeHtml(t[page].title);
    const body = escapeHtml(t[page].body);
    return i === 0
      ? `<main lang="${lang}"><h1>${title}</h1><p>${body}</p></main>`
      : `<section lang="${lang}"><h2>${title}</h2><p>${body}</p></section>`;
  }).join('');
  const footer = code === null ? '' : `<footer>${escapeHtml(vi.code)} / ${escapeHtml(en.code)}: ${code}</footer>`;
  return (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<title>Lobby Robot</title><style>${STYLE}</style></head><body>${blocks}${footer}</body></html>`
  );
}

export function shellPageUrl(page: ShellPage): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(shellPageHtml(page), 'utf8').toString('base64')}`;
}
