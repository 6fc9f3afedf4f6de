/** The fleet page: each robot's slot, last heartbeat, clock skew, parts, outbox, service audit count, re-enrolments and refused takeovers; enrol and revoke. */
import { COMMON_JS, page } from './layout';

export const fleetHtml = page('Robot – Fleet', 'fleet', `
<h1>Robot của trung tâm <span class="en">/ Robot fleet</span></h1>
<div class="card"><button id="key" class="secondary">Mã cán bộ <span class="en">/ Staff key</span></button>
<button id="code">Tạo mã đăng ký <span class="en">/ New enrolment code</span></button> <b id="newcode"></b></div>
<table><thead><tr><th>Robot</th><th>Slot</th><th>Lần cuối <span class="en">/ Last seen</span></th><th>Lệch giờ <span class="en">/ Skew</span></th>
<th>Hàng đợi gửi <span class="en">/ Outbox</span></th><th>Thiết bị <span class="en">/ Parts</span></th><th>Phiên bản <span class="en">/ Version</span></th><th>Nhật ký bảo trì <span class="en">/ Service audit</span></th><th>Đăng ký <span class="en">/ Enrolment</span></th><th></th></tr></thead>
<tbody id="rows"></tbody></table><p id="msg" class="err"></p>`);

export const fleetJs = `${COMMON_JS}
function ago(ms, now) { if (ms == null) return '—'; const s = Math.round((now - ms) / 1000); return s < 120 ? s + ' s' : Math.round(s / 60) + ' min'; }
function enrolment(e, now) {
  if (!e) return '—';
  const re = e.reEnrolments ? esc(e.reEnrolments) + '× đăng ký lại / re-enrolled · ' + ago(e.lastReEnrolledAt, now) : '';
  const refused = e.refusedTakeovers ? '<span class="err">' + esc(e.refusedTakeovers) + '× chiếm quyền bị chặn / refused takeover · ' + ago(e.lastRefusedAt, now) + '</span>' : '';
  return [re, refused].filter(Boolean).join('<br>') || '—';
}
async function refresh() {
  if (!staffKey()) askKey();
  try {
    const f = await api('/v1/fleet');
    $('rows').innerHTML = f.robots.map((r) => {
      const h = r.health || { parts: {}, outboxLength: '—', version: '—' };
      const parts = Object.entries(h.parts).map(([k, p]) => esc(k) + ': ' + esc(p.state) + (p.code ? ' (' + esc(p.code) + ')' : '')).join('<br>');
      const stale = r.lastSeenAt == null || f.serverTime - r.lastSeenAt > 120000;
      return '<tr' + (r.revoked ? ' style="opacity:.5"' : '') + '><td>' + esc(r.robotId) + (r.revoked ? ' (thu hồi / revoked)' : '') + '</td><td>' + r.robotSlot
        + '</td><td' + (stale ? ' class="err"' : '') + '>' + ago(r.lastSeenAt, f.serverTime) + '</td><td>' + (r.skewMs == null ? '—' : Math.round(r.skewMs / 1000) + ' s')
        + '</td><td>' + esc(h.outboxLength) + '</td><td>' + parts + '</td><td>' + esc(h.version) + '</td><td>' + (r.audit && r.audit.count ? esc(r.audit.count) + ' · ' + esc(r.audit.lastAction) + ' · ' + ago(r.audit.lastAt, f.serverTime) : '—') + '</td><td>' + enrolment(r.enrolment, f.serverTime) + '</td><td>'
        + (r.revoked ? '' : '<button class="secondary" data-revoke="' + esc(r.robotId) + '">Thu hồi / Revoke</button>') + '</td></tr>';
    }).join('');
    for (const b of document.querySelectorAll('[data-revoke]')) b.onclick = async () => {
      if (!confirm('Thu hồi ' + b.dataset.revoke + '? / Revoke?')) return;
      await api('/v1/admin/devices/' + encodeURIComponent(b.dataset.revoke) + '/revoke', { method: 'POST', body: '{}' }).catch((e) => { $('msg').textContent = e.message; });
      refresh();
    };
    $('msg').textContent = '';
  } catch (e) { $('msg').textContent = e.message; }
}
$('key').onclick = () => { askKey(); refresh(); };
$('code').onclick = async () => {
  try { const c = await api('/v1/admin/enrolment-codes', { method: 'POST', body: '{}' }); $('newcode').textContent = c.code + ' (hết hạn / expires ' + new Date(c.expiresAt).toLocaleString() + ')'; }
  catch (e) { $('msg').textContent = e.message; }
};
refresh();
setInterval(refresh, 10000);
`;
