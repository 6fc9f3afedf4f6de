/**
 * The ALSA adapters against stand-in programs (a shell script playing arecord) and, where
 * alsa-utils is installed on a machine without a sound card, against the real arecord/aplay.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodedError } from '../../../../src/contract';
import { AlsaCapture } from '../../../../src/controller/devices/voice/alsa-capture';
import { AlsaPlayback } from '../../../../src/controller/devices/voice/audio-sinks';
import { encodeWav } from '../../../../src/controller/devices/voice/wav';

const listener = () => {
  const chunks: number[][] = [];
  const ends: Array<string | undefined> = [];
  return { chunks, ends, audio: (s: Int16Array) => chunks.push(Array.from(s)), end: (e?: CodedError) => ends.push(e?.code) };
};

function onPath(tool: string): boolean {
  return ['/usr/bin', '/bin', '/usr/local/bin'].some((d) => existsSync(join(d, tool)));
}
const soundCard = existsSync('/proc/asound/cards');

describe('ALSA capture (arecord)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'alsa-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function script(name: string, body: string): string {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  }

  it('delivers samples even when a read splits one, and ends cleanly on stop', async () => {
    // 1, 2 then half of 3; the rest of 3 comes in a second write
    const cmd = script('fake-arecord', "printf '\\001\\000\\002\\000\\003'; sleep 0.05; printf '\\000'; exec sleep 30");
    const capture = new AlsaCapture({ device: 'default', command: cmd, settleMs: 20 });
    const l = listener();
    await capture.start(l);
    expect(capture.status().state).toBe('ok');
    for (let i = 0; i < 100 && l.chunks.flat().length < 3; i++) await new Promise((r) => setTimeout(r, 10));
    await capture.stop();
    expect(l.chunks.flat()).toEqual([1, 2, 3]);
    expect(l.ends).toEqual([undefined]);
  });

  it('a recorder that exits at once means no capture device: VOICE_CAPTURE_DEVICE_MISSING', async () => {
    const capture = new AlsaCapture({ device: 'plughw:9,0', command: script('no-device', 'echo "audio open error" >&2; exit 1') });
    await expect(capture.start(listener())).rejects.toMatchObject({ code: 'VOICE_CAPTURE_DEVICE_MISSING' });
    expect(capture.status()).toMatchObject({ state: 'fault', code: 'VOICE_CAPTURE_DEVICE_MISSING' });
  });

  it('no arecord installed: VOICE_CAPTURE_TOOL_MISSING', async () => {
    const capture = new AlsaCapture({ device: 'default', command: join(dir, 'not-installed') });
    await expect(capture.start(listener())).rejects.toMatchObject({ code: 'VOICE_CAPTURE_TOOL_MISSING' });
  });

  it('a recorder that dies later ends the stream with VOICE_CAPTURE_FAILED', async () => {
    const capture = new AlsaCapture({ device: 'default', command: script('dies', 'sleep 0.2; exit 1'), settleMs: 20 });
    const l = listener();
    await capture.start(l);
    for (let i = 0; i < 100 && l.ends.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(l.ends).toEqual(['VOICE_CAPTURE_FAILED']);
  });

  it('the real arecord on this machine without a sound card: VOICE_CAPTURE_DEVICE_MISSING', async () => {
    if (!onPath('arecord') || soundCard) {
      process.stdout.write(`not run against the real arecord: ${soundCard ? 'this machine has a sound card' : 'alsa-utils is not installed'}\n`);
      return;
    }
    await expect(new AlsaCapture({ device: 'default' }).start(listener())).rejects.toMatchObject({ code: 'VOICE_CAPTURE_DEVICE_MISSING' });
  });
});

describe('ALSA playback (aplay)', () => {
  const wav = encodeWav(new Int16Array(1600));

  it('no aplay installed: VOICE_PLAYBACK_TOOL_MISSING', async () => {
    const sink = new AlsaPlayback({ device: 'default', command: '/nonexistent/aplay' });
    await expect(sink.play(wav, new AbortController().signal)).rejects.toMatchObject({ code: 'VOICE_PLAYBACK_TOOL_MISSING' });
  });

  it('aplay fails and the kernel knows no sound card: VOICE_PLAYBACK_DEVICE_MISSING; with a card: VOICE_PLAYBACK_FAILED', async () => {
    const failing = { device: 'default', command: '/bin/false' };
    await expect(new AlsaPlayback({ ...failing, hasSoundCard: () => false }).play(wav, new AbortController().signal)).rejects.toMatchObject({ code: 'VOICE_PLAYBACK_DEVICE_MISSING' });
    await expect(new AlsaPlayback({ ...failing, hasSoundCard: () => true }).play(wav, new AbortController().signal)).rejects.toMatchObject({ code: 'VOICE_PLAYBACK_FAILED' });
  });

  it('the real aplay on this machine without a sound card: VOICE_PLAYBACK_DEVICE_MISSING', async () => {
    if (!onPath('aplay') || soundCard) {
      process.stdout.write(`not run against the real aplay: ${soundCard ? 'this machine has a sound card' : 'alsa-utils is not installed'}\n`);
      return;
    }
    await expect(new AlsaPlayback({ device: 'default' }).play(wav, new AbortController().signal)).rejects.toMatchObject({ code: 'VOICE_PLAYBACK_DEVICE_MISSING' });
  });
});
