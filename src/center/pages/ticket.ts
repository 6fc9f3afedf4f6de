/** The phone page behind the ticket's QR: status, people ahead, estimated wait. */
import { COMMON_JS, page } from './layout';

export const ticketHtml = page('Số thứ tự – Your ticket', 'ticket', `
<h1>Số thứ tự của bạn <span class="en">/ Your ticket</span></h1>
<div class="card"><div class="big" id="display">…</div><div id="status"></div></div>
<div class="card">Số người phía trước <span class="en">/ People ahead</span>: <b id="ahead">–</b><br>
Thời gian chờ dự kiến <span class="en">/ Estimated wait</span>: <b id="wait">–</b></div>
<p class="en">Trang tự cập nhật. <span>This page updates by itself.</span></p><p id="msg" class="err"></p>`);

export const ticketJs = `${COMMON_JS}
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
    $('ahead').textContent = t.waitMinutes ? t.peopleAhead : '–';
    $('wait').textContent = t.waitMinutes ? t.waitMinutes.min + '–' + t.waitMinutes.max + ' phút / min' : '–';
    $('msg').textContent = '';
  } catch (e) { $('msg').textContent = e.message; }
}
refresh();
setInterval(refresh, 20000);
const es = new EventSource('/v1/stream');
for (const t of ['ticket.called', 'ticket.served', 'ticket.skipped', 'ticket.transferred']) es.addEventListener(t, refresh);
`;
