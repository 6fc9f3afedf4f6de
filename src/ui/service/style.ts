/** Scoped styles of the technician UI (inline styles are allowed by the page's CSP). */
export const SERVICE_CSS = `
.service-mode{position:fixed;inset:0;z-index:1000;background:#f4f5f7;color:#111;overflow:auto;padding:16px;font-size:18px}
.service-mode header{display:flex;gap:12px;align-items:center}
.service-mode header h1{flex:1;margin:0;font-size:28px}
.service-mode button,.service-mode select,.service-mode input{min-height:48px;min-width:48px;font-size:18px;padding:4px 12px}
.service-tabs{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}
.service-tabs button[aria-pressed=true]{background:#1d4ed8;color:#fff}
.service-pin{max-width:420px;margin:40px auto;text-align:center}
.service-pin-dots{display:block;font-size:36px;min-height:48px;letter-spacing:8px}
.service-keys{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;margin:16px 0}
.service-keys button{min-height:72px;font-size:28px}
.service-panel table{border-collapse:collapse}
.service-panel td,.service-panel th{border:1px solid #ccc;padding:4px 8px;text-align:left}
.service-panel section{background:#fff;border-radius:8px;padding:12px;margin-bottom:12px}
.service-meter{height:24px;background:#ddd;position:relative;border-radius:4px;overflow:hidden}
.service-meter>span{display:block;height:100%;background:#16a34a}
.service-meter>span.service-meter-clip{background:#dc2626}
.service-meter-peak{position:absolute;top:0;bottom:0;width:3px;margin-left:-1px;background:#111}
.service-graph{background:#f8fafc;border:1px solid #ccc}
.service-bars{display:flex;align-items:flex-end;gap:4px;height:160px}
.service-bars>span{flex:1;background:#1d4ed8;min-height:1px}
.service-panel input[type=range]{width:320px;min-height:48px}
.service-row{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:6px 0}
`;
