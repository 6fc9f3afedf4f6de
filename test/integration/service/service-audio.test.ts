/**
 * @jest-environment ./test/support/onnx-environment.js
 */
/**
 * The service audio panel's feed through the whole controller: a real-time WAV file is the
 * microphone, openWakeWord scores it, and `service.audio` events reach the connection of the
 * technician who entered the PIN — about ten a second — and no other: not the citizen's screen,
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

/** A connection and the service.audio events it has received, with when. */
async function client(c: Controller): Promise<{ ws: WebSocket; audio: Array<AudioEvent & { at: number }> }> {
  const { ws } = await openApi(c.url, { token: c.token });
  const audio: Array<AudioEvent & { at: number }> = [];
  ws!.on('message', (d) => {
    const m = JSON.parse(d.toString()) as { event?: string; data?: AudioEvent };
    if (m.event === 'service.audio') audio.push({ ...m.data!, at: Date.now() });
  });
  return { ws: ws!, audio };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(check: () => boolean, what: string, ms = 10000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

let clip: string;
beforeAll(async () => {
  // long enough that login and the checks all happen while the "microphone" still plays
  clip = await cachedAudio({ text: 'hey jarvis', voice: 'en-gb', wpm: 160, pad: 5 }, (out) => speak(out, 'hey jarvis', 'en-gb', 160, 5));
}, 30000);

describe('service.audio over the UI API', () => {
  it('reaches only the technician session, about ten a second, while it is open', async () => {
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
      await sleep(400);
      expect(technician.audio).toEqual([]); // no session yet

      const login = await request(technician.ws, { v: 1, id: 'l', type: 'service.login', payload: { pin: SIMULATOR_DEFAULT_PIN, via: 'gesture' } }, 'l');
      const session = (login.result as { ok: boolean; session: string }).session;
      expect(login).toMatchObject({ ok: true, result: { ok: true } });

      // a made-up token is refused and routes nothing
      const forged = await request(citizen.ws, { v: 1, id: 'f', type: 'service.ping', payload: { session: 'f'.repeat(64) } }, 'f');
      expect(forged).toMatchObject({ ok: false, error: { code: 'SERVICE_SESSION_INVALID' } });

      await waitFor(() => technician.audio.length >= 12, 'a second of readings');
      const from = technician.audio.length;
      await sleep(1000);
      const perSecond = technician.audio.length - from;
      expect(perSecond).toBeGreaterThanOrEqual(7);
      expect(perSecond).toBeLessThanOrEqual(13);
      for (const e of technician.audio) {
        expect(e.threshold).toBe(0.5);
        expect(e.micLevel).toBeGreaterThanOrEqual(0);
        expect(e.micLevel).toBeLessThanOrEqual(1);
      }
      expect(citizen.audio).toEqual([]);

      // the technician's page reconnected: its next command with the session brings the feed back
      const reopened = await client(c);
      expect(await request(reopened.ws, { v: 1, id: 'p', type: 'service.ping', payload: { session } }, 'p')).toMatchObject({ ok: true });
      await waitFor(() => reopened.audio.length >= 3, 'readings on the reopened page');

      expect(await request(technician.ws, { v: 1, id: 'o', type: 'service.logout', payload: { session } }, 'o')).toMatchObject({ ok: true });
      await sleep(150); // a reading already on the wire may still land
      const afterLogout = technician.audio.length;
      const reopenedAfter = reopened.audio.length;
      await sleep(600);
      expect(technician.audio.length).toBe(afterLogout);
      expect(reopened.audio.length).toBe(reopenedAfter);
      expect(citizen.audio).toEqual([]);
      for (const x of [technician, citizen, reopened]) x.ws.close();
    } finally {
      await c.close();
    }
  }, 60000);
});
