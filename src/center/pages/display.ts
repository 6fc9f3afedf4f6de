/** The lobby display: now serving per counter, the latest calls, and a spoken announcement. */
import { COMMON_JS, page } from './layout';

export const displayHtml = page('Màn hình chờ – Lobby display', 'display', `
<h1>Mời công dân đến quầy <span class="en">/ Now serving</span></h1>
<div class="grid" id="counters"></div>
<div class="card"><b>Số vừa gọi <span class="en">/ Latest calls</span></b><div id="latest"></div></div>
<button id="sound" class="secondary">Bật âm thanh <span class="en">/ Enable sound</span></button>`);

export const displayJs = `${COMMON_JS}
let soundOn = false;
$('sound').onclick = () => { soundOn = true; $('sound').remove(); };
function speak(display, counterLabel) {
  if (!soundOn || !window.speechSynthesis) return;
  // letters then digits one by one: "A 0 0 7" is understood better than "A seven"
  const spelled = display.split('').join(' ');
  const number = counterLabel.replace(/[^0-9]/g, '') || counterLabel;
  const vi = new SpeechSynthesisUtterance('Mời số ' + spelled + ' đến quầy ' + number);
  vi.lang = 'vi-VN';
  const en = new SpeechSynthesisUtterance('Number ' + spelled + ', please go to counter ' + number);
  en.lang = 'en-US';
  speechSynthesis.speak(vi); speechSynthesis.speak(en);
}
async function render(flashId) {
  const board = await api('/v1/board');
  $('counters').innerHTML = board.counters.map((c) => '<div class="card' + (c.id === flashId ? ' flash' : '') + '"><div>' + esc(c.label) + '</div><div class="big">' + esc(c.serving || '—') + '</div><div class="en">' + esc(c.counterGroup) + ' · chờ/waiting ' + (board.waiting[c.counterGroup] || 0) + '</div></div>').join('');
  return board;
}
function onCall(ev) {
  const e = JSON.parse(ev.data);
  const line = document.createElement('div');
  line.textContent = e.data.display + ' → ' + e.data.counterLabel;
  $('latest').prepend(line);
  while ($('latest').children.length > 8) $('latest').lastChild.remove();
  speak(e.data.display, e.data.counterLabel);
  render(e.data.counterId);
}
render().then((board) => {
  const es = new EventSource('/v1/stream?after=' + board.lastEventId);
  es.addEventListener('ticket.called', onCall);
  es.addEventListener('ticket.recalled', onCall);
  for (const t of ['ticket.served', 'ticket.skipped', 'ticket.queued', 'ticket.transferred', 'stream.reset']) es.addEventListener(t, () => render());
});
`;
