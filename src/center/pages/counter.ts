/** The counter page: staff pick their counter and call, recall, skip, transfer or complete; open staff calls with a Done button. */
import { COMMON_JS, page } from './layout';

export const counterHtml = page('Quầy – Counter', 'counter', `
<h1>Quầy phục vụ <span class="en">/ Service counter</span></h1>
<div class="card">
  <label>Quầy <span class="en">/ Counter</span> <select id="counter"></select></label>
  <button class="secondary" id="key">Mã cán bộ <span class="en">/ Staff key</span></button>
</div>
<div class="card"><div>Đang phục vụ <span class="en">/ Now serving</span></div><div class="big" id="current">—</div>
  <div>Đang chờ <span class="en">/ Waiting</span>: <b id="waiting">0</b></div></div>
<div class="card">
  <button id="call-next">Gọi tiếp <span class="en">/ Call next</span></button>
  <button id="recall" class="secondary">Gọi lại <span class="en">/ Recall</span></button>
  <button id="skip" class="secondary">Bỏ qua <span class="en">/ Skip</span></button>
  <button id="complete" class="secondary">Hoàn thành <span class="en">/ Complete</span></button>
  <select id="to"></select><button id="transfer" class="secondary">Chuyển <span class="en">/ Transfer</span></button>
</div>
<div class="card"><b>Khách cần hỗ trợ <span class="en">/ Staff calls</span></b><div id="calls" aria-live="polite">—</div></div>
<div class="card"><b>Vé không rõ đã in <span class="en">/ Print uncertain</span></b><div id="uncertain">—</div></div>
<p id="msg" class="err" role="status"></p>`);

export const counterJs = `${COMMON_JS}
let board = null;
async function refresh() {
  board = await api('/v1/board');
  const sel = $('counter'), to = $('to'), chosen = sel.value || localStorage.getItem('counterId') || '';
  sel.innerHTML = board.counters.map((c) => '<option value="' + esc(c.id) + '">' + esc(c.label) + ' — ' + esc(c.counterGroup) + '</option>').join('');
  if (chosen) sel.value = chosen;
  const groups = [...new Set(board.counters.map((c) => c.counterGroup))];
  to.innerHTML = groups.map((g) => '<option>' + esc(g) + '</option>').join('');
  const me = board.counters.find((c) => c.id === sel.value);
  $('current').textContent = (me && me.serving) || '—';
  $('waiting').textContent = me ? (board.waiting[me.counterGroup] || 0) : 0;
  refreshUncertain();
}
async function act(action) {
  $('msg').textContent = '';
  if (!staffKey()) askKey();
  try {
    const body = action === 'transfer' ? JSON.stringify({ toCounterGroup: $('to').value }) : '{}';
    await api('/v1/counters/' + encodeURIComponent($('counter').value) + '/' + action, { method: 'POST', body });
  } catch (e) { $('msg').textContent = e.message; }
  await refresh();
}
const REASONS = { 'printer-failed': 'Máy in lỗi / Printer failed', help: 'Cần hỗ trợ / Needs help' };
async function refreshCalls() {
  if (!staffKey()) return;
  try {
    const r = await api('/v1/staff-calls');
    $('calls').innerHTML = r.calls.length ? r.calls.map((c) => '<div>' + esc(new Date(c.calledAt).toLocaleTimeString()) + ' · ' + esc(c.robotId) + ' · '
      + esc(REASONS[c.reason] || c.reason) + (c.ticketDisplay ? ' · <b>' + esc(c.ticketDisplay) + '</b>' : '') + ' · ' + esc(c.language)
      + ' <button class="secondary" data-ack="' + esc(c.callId) + '">Đã xử lý <span class="en">/ Done</span></button></div>').join('') : '—';
    for (const b of document.querySelectorAll('[data-ack]')) b.onclick = async () => {
      await api('/v1/staff-calls/' + encodeURIComponent(b.dataset.ack) + '/acknowledge', { method: 'POST', body: '{}' }).catch((e) => { $('msg').textContent = e.message; });
      refreshCalls();
    };
  } catch (e) { $('msg').textContent = e.message; }
}
// issue 16: tickets a robot was printing when it crashed are queued anyway; staff settle them here
async function refreshUncertain() {
  const me = board && board.counters.find((c) => c.id === $('counter').value);
  if (!staffKey() || !me) return;
  try {
    const r = await api('/v1/tickets/print-uncertain?counterGroup=' + encodeURIComponent(me.counterGroup));
    $('uncertain').innerHTML = r.tickets.length ? r.tickets.map((t) => '<div><b>' + esc(t.display) + '</b> · ' + esc(t.status)
      + ' <button class="secondary" data-settle="' + esc(t.ticketId) + '" data-outcome="callable">Có vé / Has the ticket</button>'
      + ' <button class="secondary" data-settle="' + esc(t.ticketId) + '" data-outcome="void">Huỷ / Void</button></div>').join('') : '—';
    for (const b of document.querySelectorAll('[data-settle]')) b.onclick = async () => {
      await api('/v1/tickets/' + encodeURIComponent(b.dataset.settle) + '/settle', { method: 'POST', body: JSON.stringify({ outcome: b.dataset.outcome }) }).catch((e) => { $('msg').textContent = e.message; });
      refresh();
    };
  } catch (e) { $('msg').textContent = e.message; }
}
for (const a of ['call-next', 'recall', 'skip', 'complete', 'transfer']) $(a).onclick = () => act(a);
$('key').onclick = () => { askKey(); refreshCalls(); refreshUncertain(); };
$('counter').onchange = () => { localStorage.setItem('counterId', $('counter').value); refresh(); };
refresh().then(() => { const es = new EventSource('/v1/stream?after=' + board.lastEventId); es.onmessage = refresh; ['ticket.queued','ticket.called','ticket.served','ticket.skipped','ticket.transferred','ticket.voided','stream.reset'].forEach((t) => es.addEventListener(t, refresh)); ['staff.called','staff.acknowledged','stream.reset'].forEach((t) => es.addEventListener(t, refreshCalls)); });
refreshCalls();
`;
