/**
 * @jest-environment ./test/support/onnx-environment.js
 */
/**
 * The service audio panel's feed through the whole controller: a real-time WAV file is the
 * microphone, openWakeWord scores it, and `service.audio` events reach the connection of the
 * technician who entered the PIN (their rate, one per 100 ms of audio, is proven with a fake clock
 * in test/unit/controller/voice/audio-sample.test.ts) and no other: not the citizen's screen,
 * not a client that sends a made-up session token, nothing before login or after logout. A page
 * that reconnected gets the feed again with its next service command.
 */
import type WebSocket from 'ws';
import { loadConfig } from '../../../src/controller/config/load';
import { VoiceConfig } from '../../../src/controller/config/voice-schema';
import { createLogger } from '../../../src/controller/log';
import { SIMULATOR_DEFAULT_PIN } from '../../../src/controller/service-mode/service-login';
import { startController, type Controller } from '../../../src/controller/main';
import { tempDir } from '../../support/robot-process';
import { cachedAudio, speak } from '../../support/voice-audio';
import { openApi, request } from '../../support/ws-client';

interface AudioEvent {
  micLevel: number;
  wakeScore: number;
  threshold: number;
}

/** A connection and the service.audio events it has received, in order of arrival. */
async function client(c: Controller): Promise<{ ws: WebSocket; audio: AudioEvent[] }> {
  const { ws } = await openApi(c.url, { token: c.token });
  const audio: AudioEvent[] = [];
  ws!.on('message', (d) => {
    const m = JSON.parse(d.toString()) as { event?: string; data?: AudioEvent };
    if (m.event === 'service.audio') audio.push(m.data!);
  });
  return { ws: ws!, audio };
}

/** Resolves once `audio` holds `n` readings: each arrival is checked, nothing polls. */
function readings(conn: { ws: WebSocket; audio: AudioEvent[] }, n: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (conn.audio.length < n) return;
      conn.ws.off('message', check);
      resolve();
    };
    conn.ws.on('message', check);
    check();
  });
}

let nextId = 0;
/**
 * A round trip on `ws` (status.get): the controller writes to a socket in order, so when the
 * reply arrives every event it sent that socket before has arrived too. A barrier, not a wait.
 */
async function barrier(ws: WebSocket): Promise<void> {
  const id = `b${nextId++}`;
  expect(await request(ws, { v: 1, id, type: 'status.get', payload: {} }, id)).toMatchObject({ ok: true });
}

let clip: string;
beforeAll(async () => {
  // long enough that login and the checks all happen while the "microphone" still plays
  clip = await cachedAudio({ text: 'hey jarvis', voice: 'en-gb', wpm: 160, pad: 5 }, (out) => speak(out, 'hey jarvis', 'en-gb', 160, 5));
}, 30000);

describe('service.audio over the UI API', () => {
  it('reaches only the technician session, and only while it is open', async () => {
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: tempDir() } });
    const config = {
      ...loaded.config,
      motion: { adapter: 'none' as const },
      printer: { adapter: 'none' as const },
      voice: VoiceConfig.parse({ enabled: true, audioIn: { adapter: 'file', path: clip, realtime: true }, speech: { sink: { adapter: 'none' } } }),
    };
    expect(config.profile).toBe('simulator'); // the default PIN works only there
    const c = await startController({ config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir() });
    try {
      const technician = await client(c);
      const citizen = await client(c);
      // the microphone is live before anyone logs in: a witness session shows readings flowing
      const witness = await client(c);
      const first = await request(witness.ws, { v: 1, id: 'w', type: 'service.login', payload: { pin: SIMULATOR_DEFAULT_PIN, via: 'gesture' } }, 'w');
      await readings(witness, 3);
      await barrier(technician.ws);
      expect(technician.audio).toEqual([]); // no session of its own yet
      expect(await request(witness.ws, { v: 1, id: 'wo', type: 'service.logout', payload: { session: (first.result as { session: string }).session } }, 'wo')).toMatchObject({ ok: true });

      const login = await request(technician.ws, { v: 1, id: 'l', type: 'service.login', payload: { pin: SIMULATOR_DEFAULT_PIN, via: 'gesture' } }, 'l');
      const session = (login.result as { ok: boolean; session: string }).session;
      expect(login).toMatchObject({ ok: true, result: { ok: true } });

      // a made-up token is refused and routes nothing
      const forged = await request(citizen.ws, { v: 1, id: 'f', type: 'service.ping', payload: { session: 'f'.repeat(64) } }, 'f');
      expect(forged).toMatchObject({ ok: false, error: { code: 'SERVICE_SESSION_INVALID' } });

      await readings(technician, 12);
      for (const e of technician.audio) {
        expect(e.threshold).toBe(0.5);
        expect(e.micLevel).toBeGreaterThanOrEqual(0);
        expect(e.micLevel).toBeLessThanOrEqual(1);
      }
      await barrier(citizen.ws);
      expect(citizen.audio).toEqual([]);

      // the technician's page reconnected: its next command with the session brings the feed back
      const reopened = await client(c);
      expect(await request(reopened.ws, { v: 1, id: 'p', type: 'service.ping', payload: { session } }, 'p')).toMatchObject({ ok: true });
      await readings(reopened, 3);

      expect(await request(technician.ws, { v: 1, id: 'o', type: 'service.logout', payload: { session } }, 'o')).toMatchObject({ ok: true });
      // what was sent before the logout was handled has arrived by the barriers; nothing may follow
      await barrier(reopened.ws);
      const afterLogout = technician.audio.length;
      const reopenedAfter = reopened.audio.length;
      // a new session proves readings kept flowing while the old one heard nothing
      const next = await client(c);
      expect(await request(next.ws, { v: 1, id: 'n', type: 'service.login', payload: { pin: SIMULATOR_DEFAULT_PIN, via: 'gesture' } }, 'n')).toMatchObject({ ok: true });
      await readings(next, 5);
      await Promise.all([technician, reopened, citizen].map((x) => barrier(x.ws)));
      expect(technician.audio.length).toBe(afterLogout);
      expect(reopened.audio.length).toBe(reopenedAfter);
      expect(citizen.audio).toEqual([]);
      for (const x of [witness, next]) x.ws.close();
      for (const x of [technician, citizen, reopened]) x.ws.close();
    } finally {
      await c.close();
    }
  }, 60000);
});
