/**
 * The lobby display announces a call in the center's own voice: the <audio> element receives a
 * WAV that espeak-ng spoke on the center (Vietnamese, then the ticket's language when it differs)
 * and plays it without a click in a browser started with the kiosk flag
 * --autoplay-policy=no-user-gesture-required (docs/install.md).
 */
import type { Browser } from 'playwright-core';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { bearer, MONDAY_9AM, startTestCenter, ticketChange, type TestCenter } from '../integration/center/harness';
import { launchChromium } from '../support/browser';

/** Duration (s) and loudness (RMS of 16-bit samples) of a 16-bit mono PCM WAV. */
function measure(wav: Buffer): { seconds: number; rms: number } {
  expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
  const rate = wav.readUInt32LE(24);
  const data = wav.subarray(44, 44 + wav.readUInt32LE(40));
  let sum = 0;
  for (let i = 0; i + 1 < data.length; i += 2) sum += data.readInt16LE(i) ** 2;
  return { seconds: data.length / 2 / rate, rms: Math.sqrt(sum / (data.length / 2)) };
}

describe('lobby display speech', () => {
  let c: TestCenter;
  let browser: Browser;
  afterEach(async () => {
    await browser?.close();
    await c?.close();
  });

  it('plays the center\'s spoken announcement of each call without a click; a Chinese ticket is also announced in Chinese', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const vi = ticketChange({ number: 1 });
    const zh = ticketChange({ number: 2, issuedAt: MONDAY_9AM + 60_000 });
    zh.ticket.language = 'zh';
    await c.call('POST', '/v1/tickets/batch', { changes: [vi, zh] }, bearer(token));

    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    const display = await browser.newPage();
    await display.goto(`${c.center.url}/display`);
    await display.waitForFunction((n) => document.querySelectorAll('#counters .card').length === n, DEMO_CATALOG.counters.length);

    const heard: Record<string, { seconds: number; rms: number }> = {};
    for (const [name, t] of [['vi', vi], ['zh', zh]] as const) {
      await c.staff('POST', '/v1/counters/counter-1/call-next');
      // the element was handed this call's WAV and started playing it by itself
      const src = await display.waitForFunction((id) => {
        const a = document.getElementById('announcer') as HTMLAudioElement;
        return a.currentSrc.includes(id) && (a.played.length > 0 || !a.paused) ? a.currentSrc : false;
      }, t.ticket.id, { timeout: 20_000 });
      const res = await fetch(String(await src.jsonValue()));
      expect(res.headers.get('content-type')).toBe('audio/wav');
      heard[name] = measure(Buffer.from(await res.arrayBuffer()));
      await display.waitForFunction(() => (document.getElementById('announcer') as HTMLAudioElement).ended, undefined, { timeout: 30_000 });
    }
    expect(heard.vi!.rms).toBeGreaterThan(500);
    expect(heard.zh!.rms).toBeGreaterThan(500);
    // "Mời số A 0 0 2 đến quầy 1" and then the same in Mandarin: clearly longer than the Vietnamese alone
    expect(heard.zh!.seconds).toBeGreaterThan(heard.vi!.seconds * 1.6);
  }, 120_000);
});
