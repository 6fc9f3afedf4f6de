/** Serves the center's pages and their scripts, with a CSP that allows only the center's own scripts. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { counterHtml, counterJs } from '../pages/counter';
import { displayHtml, displayJs } from '../pages/display';
import { fleetHtml, fleetJs } from '../pages/fleet';
import { page } from '../pages/layout';
import { ticketHtml, ticketJs } from '../pages/ticket';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";

const indexHtml = page('Trung tâm – Center', 'index', `<h1>Trung tâm phục vụ hành chính công <span class="en">/ Service center</span></h1>
<ul><li><a href="/counter">Quầy <span class="en">/ Counter</span></a></li><li><a href="/display">Màn hình sảnh <span class="en">/ Lobby display</span></a></li>
<li><a href="/fleet">Robot <span class="en">/ Fleet</span></a></li></ul>`);

function html(reply: FastifyReply, body: string) {
  return reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').type('text/html; charset=utf-8').send(body);
}

const SCRIPTS: Record<string, string> = { counter: counterJs, display: displayJs, ticket: ticketJs, fleet: fleetJs, index: '' };

export function pageRoutes(app: FastifyInstance): void {
  app.get('/', async (_req, reply) => html(reply, indexHtml));
  app.get('/counter', async (_req, reply) => html(reply, counterHtml));
  app.get('/display', async (_req, reply) => html(reply, displayHtml));
  app.get('/fleet', async (_req, reply) => html(reply, fleetHtml));
  app.get('/t/:ticketId', async (_req, reply) => html(reply, ticketHtml));
  app.get('/assets/:name', async (req, reply) => {
    const name = String((req.params as { name: string }).name).replace(/\.js$/, '');
    const js = Object.hasOwn(SCRIPTS, name) ? SCRIPTS[name] : undefined;
    if (js === undefined) return reply.code(404).send({ error: { code: 'CENTER_NOT_FOUND' } });
    return reply.header('x-content-type-options', 'nosniff').type('text/javascript; charset=utf-8').send(js);
  });
}
