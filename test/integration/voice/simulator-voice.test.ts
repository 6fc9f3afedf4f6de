/**
 * @jest-environment ./test/support/onnx-environment.js
 */
/**
 * The simulator profile (what `npm start` runs) speaks out of the box when espeak-ng is installed:
 * on a machine without a sound card (this test stands in for one, so it never needs a card) the
 * voice starts without failing and every utterance becomes a WAV file under the data dir.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../src/controller/config/load';
import { systemVoiceHost } from '../../../src/controller/devices/voice/voice-host';
import { parseWav } from '../../../src/controller/devices/voice/wav';
import { createLogger } from '../../../src/controller/log';
import { startVoice } from '../../../src/controller/voice';
import { tempDir } from '../../support/robot-process';

const noCard = { espeakInstalled: systemVoiceHost().espeakInstalled, hasSoundCard: () => false };

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('with espeak-ng and no sound card the simulator profile speaks into WAV files under the data dir', async () => {
  expect(noCard.espeakInstalled()).toBe(true); // the dev and CI images install espeak-ng (README)
  const dataDir = tempDir('sim-voice-');
  const { config } = loadConfig({ env: { LOBBY_ROBOT_DATA: dataDir } });
  const voice = await startVoice(config, { log: createLogger('silent'), motion: { adapter: 'none' } as never, onState: () => undefined, onWake: () => undefined, host: noCard });
  try {
    expect(voice.health()).toMatchObject({
      speaker: { state: 'ok', adapter: expect.stringContaining(join(dataDir, 'voice')) },
      microphone: { state: 'disabled' },
      wakeWord: { state: 'disabled' }, // nothing to listen to: no engine loaded
    });
    expect(voice.handlers['voice.say']({ text: 'Xin chào', language: 'vi' })).toEqual({ started: true });
    const dir = join(dataDir, 'voice');
    await waitFor(() => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.wav')), 'a WAV file');
    const wav = parseWav(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.wav'))!)));
    expect(wav.data.length).toBeGreaterThan(wav.sampleRate / 2); // a quarter second of 16-bit audio at least
  } finally {
    await voice.close();
  }
}, 30_000);
