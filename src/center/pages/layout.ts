/**
 * The center's pages are plain HTML and a little JS each, served by the center itself (no build
 * step). Texts are bilingual, Vietnamese first then English, so staff and visitors read either.
 */
export function page(title: string, script: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body{font-family:system-ui,"Noto Sans",sans-serif;margin:0;padding:1rem;background:#f4f6f8;color:#102030}
h1{font-size:1.4rem;margin:.2rem 0 1rem} .en{color:#556;font-size:.85em}
button{font-size:1.2rem;padding:.8rem 1.2rem;margin:.3rem;border-radius:.5rem;border:0;background:#0b5ed7;color:#fff;cursor:pointer}
button.secondary{background:#6c757d} button:disabled{opacity:.5}
table{border-collapse:collapse;width:100%;background:#fff} td,th{border:1px solid #ccd;padding:.4rem;text-align:left}
.big{font-size:3rem;font-weight:700} .card{background:#fff;border-radius:.6rem;padding:1rem;margin:.5rem 0;box-shadow:0 1px 3px #0002}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.8rem} .flash{animation:f 1s 3}
@keyframes f{50%{background:#ffe08a}} .err{color:#b00020} input,select{font-size:1.1rem;padding:.4rem}
</style></head><body>${body}<script src="/assets/${script}.js"></script></body></html>`;
}

/** Shared by the pages' scripts: fetch JSON with the staff key, show the error code when refused. */
export const COMMON_JS = `
const $ = (id) => document.getElementById(id);
const staffKey = () => sessionStorage.getItem('staffKey') || '';
async function api(path, init = {}) {
  const headers = Object.assign({ 'content-type': 'application/json' }, init.headers || {});
  if (staffKey()) headers.authorization = 'Staff ' + staffKey();
  const res = await fetch(path, Object.assign({}, init, { headers }));
  const body = res.status === 204 ? {} : await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body.error && body.error.code) || ('HTTP ' + res.status));
  return body;
}
function askKey() {
  const k = prompt('Mã cán bộ / Staff key');
  if (k) sessionStorage.setItem('staffKey', k.trim());
}
function esc(s) { return String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';'); }
`;
