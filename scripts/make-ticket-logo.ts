// Draws assets/images/ticket-logo.png, a grey public-building emblem that tickets dither.
// Run: npx esbuild scripts/make-ticket-logo.ts --bundle --platform=node --packages=external --outfile=dist/make-logo.js && node dist/make-logo.js assets/images/ticket-logo.png
import { createCanvas } from '@napi-rs/canvas';
import { writeFileSync } from 'node:fs';
const S = 256;
const c = createCanvas(S, S);
const g = c.getContext('2d');
const grad = g.createRadialGradient(S * 0.4, S * 0.35, 10, S / 2, S / 2, S / 2);
grad.addColorStop(0, '#d8d8d8');
grad.addColorStop(1, '#303030');
g.fillStyle = grad;
g.beginPath(); g.arc(S / 2, S / 2, S / 2 - 4, 0, Math.PI * 2); g.fill();
g.lineWidth = 6; g.strokeStyle = '#000'; g.stroke();
// a public building: pediment, columns, steps
g.fillStyle = '#fff';
g.beginPath(); g.moveTo(S * 0.2, S * 0.42); g.lineTo(S * 0.5, S * 0.24); g.lineTo(S * 0.8, S * 0.42); g.closePath(); g.fill();
for (let i = 0; i < 5; i++) g.fillRect(S * (0.25 + i * 0.115), S * 0.46, S * 0.06, S * 0.26);
g.fillRect(S * 0.2, S * 0.74, S * 0.6, S * 0.05);
g.fillRect(S * 0.16, S * 0.8, S * 0.68, S * 0.05);
// a star in the pediment
g.fillStyle = '#555';
g.beginPath();
for (let i = 0; i < 10; i++) { const r = i % 2 ? 8 : 20; const a = -Math.PI / 2 + (i * Math.PI) / 5; g.lineTo(S * 0.5 + r * Math.cos(a), S * 0.355 + r * Math.sin(a)); }
g.closePath(); g.fill();
writeFileSync(process.argv[2]!, c.toBuffer('image/png'));
