'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run straight by node (no build step), like the board worker */
/**
 * The floor under tap-to-paper, run by bench/tap-floor.ts in its own process as the controller
 * runs in its own: a WebSocket message in, one durable SQLite commit (WAL, synchronous FULL: the
 * robot's settings), a new TCP connection to the printer without Nagle, DLE EOT 1-4 in one round
 * trip, the job's bytes (a real ticket job, the same bytes every time), DLE EOT again, close, the
 * reply. What it leaves out is the robot's own work: validation, the store's rules, the render.
 *
 *   node bench/tap-floor-child.cjs <sqlite file> <printer port> <job file>  → prints {"port":N}
 */
const Database = require('better-sqlite3');
const { readFileSync } = require('node:fs');
const { Socket } = require('node:net');
const { WebSocketServer } = require('ws');

const [file, printerPort, jobFile] = process.argv.slice(2);
const job = readFileSync(jobFile);
const STATUS = Buffer.from([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS taps (id TEXT PRIMARY KEY, n INTEGER NOT NULL, at_ms INTEGER NOT NULL)');
const insert = db.prepare('INSERT INTO taps (id, n, at_ms) VALUES (?, ?, ?)');
const commit = db.transaction((id, n) => insert.run(id, n, Date.now()));
let n = 0;

/** One job as the printer port sends it: status, bytes, status, close. */
function print() {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.setNoDelay(true);
    let got = 0;
    let step = 0;
    socket.on('error', reject);
    socket.on('data', (d) => {
      got += d.length;
      if (step === 0 && got >= 4) {
        step = 1;
        socket.write(job);
        socket.write(STATUS);
      } else if (step === 1 && got >= 8) {
        step = 2;
        socket.end();
      }
    });
    socket.on('close', () => (step === 2 ? resolve() : reject(new Error('printer closed early'))));
    socket.connect(Number(printerPort), '127.0.0.1', () => socket.write(STATUS));
  });
}

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => process.stdout.write(`${JSON.stringify({ port: wss.address().port })}\n`));
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    commit.immediate(String(msg.id), ++n);
    print().then(
      () => ws.send(JSON.stringify({ id: msg.id, ok: true })),
      (e) => ws.send(JSON.stringify({ id: msg.id, ok: false, error: String(e.message) })),
    );
  });
});
