/** The phone page behind the ticket's QR: status, people ahead, estimated wait. */
import { sayWait, statusWait } from '../../core/queue/wait-text';
import enWait from '../../../locales/en/wait.json';
import viWait from '../../../locales/vi/wait.json';
import { COMMON_JS, page } from './layout';

export const ticketHtml = page('Số thứ tự – Your ticket', 'ticket', `
<h1>Số thứ tự của bạn <span class="en">/ Your ticket</span></h1>
<div class="card"><div class="big" id="display">…</div><div id="status"></div></div>
<div class="card"><b id="ahead">–</b> <span class="en" id="ahead-en"></span><br><b id="wait"></b> <span class="en" id="wait-en"></span></div>
<p class="en">Trang tự cập nhật. <span>This page updates by itself.</span></p><p id="msg" class="err"></p>`);

// the wait is worded by core's sayWait, as on the touchscreen and the paper; embedded as source
// until this page is built like the UI
export const ticketJs = `${COMMON_JS}
const WAIT = ${JSON.stringify({ vi: viWait, en: enWait })};
const sayWait = (${sayWait.toString()});
const statusWait = (${statusWait.toString()});
const STATUS = {
  pending: 'Đang chờ in / Being printed', waiting: 'Đang chờ / Waiting', called: 'Mời bạn đến quầy / Please go to the counter',
  served: 'Đã phục vụ / Served', skipped: 'Đã bỏ qua – hỏi cán bộ / Skipped – please ask staff', voided: 'Đã huỷ / Cancelled',
};
const id = location.pathname.split('/').pop();
async function refresh() {
  try {
    const t = await api('/v1/tickets/' + encodeURIComponent(id) + '/status');
    $('display').textContent = t.display;
    $('status').textContent = (STATUS[t.status] || t.status) + (t.counterLabel ? ' — ' + t.counterLabel : '');
    const figures = statusWait(t);
    const vi = figures && sayWait(figures, WAIT.vi);
    const en = figures && sayWait(figures, WAIT.en);
    $('ahead').textContent = vi ? vi.ahead : '–';
    $('ahead-en').textContent = en ? '/ ' + en.ahead : '';
    $('wait').textContent = (vi && vi.wait) || '';
    $('wait-en').textContent = en && en.wait ? '/ ' + en.wait : '';
    $('msg').textContent = '';
  } catch (e) { $('msg').textContent = e.message; }
}
refresh();
setInterval(refresh, 20000);
const es = new EventSource('/v1/stream');
for (const t of ['ticket.called', 'ticket.served', 'ticket.skipped', 'ticket.transferred']) es.addEventListener(t, refresh);
`;
