/**
 * Serves the center's pages: a small HTML shell per page and the bundles that scripts/build.mjs
 * makes from src/center/pages (Preact + i18next, like the touchscreen). The CSP allows only the
 * center's own scripts, styles, audio and connections: no inline script or style at all.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { CenterError, parse } from '../http/errors';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const PAGES = ['index', 'counter', 'display', 'fleet', 'ticket', 'visits', 'visit', 'rate', 'stats'] as const;
type PageName = (typeof PAGES)[number];
const asset = z.object({ name: z.string().regex(/^(index|counter|display|fleet|ticket|visits|visit|rate|stats)\.js$|^styles\.css$/) }).strict();

/** dist/cli.js sits beside dist/center; from the sources (tests) the built pages are still dist/center. */
export function defaultPagesDir(): string {
  return __filename.endsWith('cli.js') ? join(__dirname, 'center') : resolve(__dirname, '../../../dist/center');
}

/** The document each page starts from: the title is the page's own once its script runs. */
function shell(name: PageName): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trung tâm Phục vụ hành chính công</title><link rel="stylesheet" href="/assets/styles.css"></head>
<body><div id="app"></div><script src="/assets/${name}.js"></script></body></html>`;
}

function html(reply: FastifyReply, name: PageName) {
  return reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8').send(shell(name));
}

export function pageRoutes(app: FastifyInstance, opts: { pagesDir?: string } = {}): void {
  const dir = opts.pagesDir ?? defaultPagesDir();
  const files = new Map<string, Buffer>();
  app.get('/', async (_req, reply) => html(reply, 'index'));
  for (const name of PAGES.filter((p) => p !== 'index' && p !== 'ticket' && p !== 'visit' && p !== 'rate')) app.get(`/${name}`, async (_req, reply) => html(reply, name));
  app.get('/t/:ticketId', async (_req, reply) => html(reply, 'ticket'));
  app.get('/v/:token', async (_req, reply) => html(reply, 'visit'));
  // the counter's rating tablet (issue 18): the page checks the counter id against the board
  app.get('/rate/:counterId', async (_req, reply) => html(reply, 'rate'));
  app.get('/assets/:name', async (req, reply) => {
    const { name } = parse(asset, req.params);
    let body = files.get(name);
    if (!body) {
      try {
        body = readFileSync(join(dir, name));
      } catch {
        throw new CenterError(404, 'CENTER_NOT_FOUND');
      }
      files.set(name, body);
    }
    return reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-cache')
      .type(name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8').send(body);
  });
}
