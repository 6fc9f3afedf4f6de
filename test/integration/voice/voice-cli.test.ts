/**
 * The built CLI (dist/cli.js, built by the global setup), as an operator runs it:
 * `voice say` writes a WAV, `voice detect` prints one line per wake word and nothing else.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemVoiceHost } from '../../../src/controller/devices/voice/voice-host';
import { parseWav } from '../../../src/controller/devices/voice/wav';
import { runCli, tempDir, writeConfig } from '../../support/robot-process';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'lobby-robot.js');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('lobby-robot voice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'voice-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('say writes the spoken text as a WAV, and detect prints exactly one detection line for it', async () => {
    const wav = join(dir, 'hj.wav');
    const say = await cli(['voice', 'say', '--lang', 'en', 'hey jarvis', '--out', wav]);
    expect(say).toEqual({ code: 0, stdout: '', stderr: '' });
    const info = parseWav(readFileSync(wav));
    expect(info.data.length).toBeGreaterThan(info.sampleRate); // more than half a second of 16-bit audio

    const detect = await cli(['voice', 'detect', wav]);
    expect(detect.code).toBe(0);
    expect(detect.stdout).toMatch(/^\d+\.\d{2} hey_jarvis 0\.\d{3}\n$/);
  }, 30000);

  it('detect prints nothing for speech without the wake word', async () => {
    const wav = join(dir, 'other.wav');
    expect((await cli(['voice', 'say', '--lang', 'en', '--prompt', 'greeting', '--out', wav])).code).toBe(0);
    expect(await cli(['voice', 'detect', wav])).toEqual({ code: 0, stdout: '', stderr: '' });
  }, 30000);

  it('reports a missing file with its code and exit 66, a bad option with usage and exit 64', async () => {
    const missing = await cli(['voice', 'detect', join(dir, 'nope.wav')]);
    expect(missing.code).toBe(66);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^VOICE_AUDIO_FILE_UNREADABLE/);
    const bad = await cli(['voice', 'say', '--lang', 'fr', 'bonjour', '--out', join(dir, 'x.wav')]);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('usage: lobby-robot voice say');
    expect(existsSync(join(dir, 'x.wav'))).toBe(false);
  }, 30000);

  it('doctor on the simulator profile says where speech goes and what the wake word listens to on this machine', async () => {
    const data = tempDir();
    const result = await runCli(['doctor'], { LOBBY_ROBOT_DATA: data, LOBBY_ROBOT_PORT: '1' });
    expect(result.code).toBe(0); // no sound card is not a failure
    if (systemVoiceHost().hasSoundCard()) {
      expect(result.stdout).toMatch(/^speech\s+espeak-ng → alsa default\s+OK\s+.*sound card$/m);
      expect(result.stdout).toMatch(/^microphone\s+alsa default\s+SKIP\s+the wake word listens to this microphone/m);
    } else {
      expect(result.stdout).toContain(`speech goes to WAV files in ${join(data, 'voice')} (no sound card; the last 100 kept)`);
      expect(result.stdout).toMatch(/^microphone\s+none\s+WARN\s+no sound card and no WAV configured/m);
      expect(result.stdout).toMatch(/^wake word\s+none\s+SKIP/m);
    }
    const wav = writeConfig(tempDir(), { profile: 'simulator', robotId: 'robot-v', dataDir: data, voice: { enabled: 'auto', audioIn: { adapter: 'auto', path: '/srv/hey.wav' }, speech: { sink: { adapter: 'auto' } } } });
    expect((await runCli(['doctor', '--config', wav], { LOBBY_ROBOT_PORT: '1' })).stdout).toMatch(/^microphone\s+file \/srv\/hey\.wav\s+SKIP\s+the wake word listens to the WAV file \/srv\/hey\.wav$/m);
  }, 60000);

  it('doctor builds the configured engines: a Porcupine without AccessKey is a FAULT row with its code, openWakeWord and espeak-ng are OK', async () => {
    const base = { profile: 'production', robotId: 'robot-v', dataDir: tempDir(), printer: { adapter: 'none' } };
    const porcupine = writeConfig(tempDir(), { ...base, voice: { enabled: true, audioIn: { adapter: 'none' }, wakeWord: { engine: 'porcupine' }, speech: { sink: { adapter: 'none' } } } });
    const refused = await runCli(['doctor', '--config', porcupine], { LOBBY_ROBOT_PORT: '1', LOBBY_ROBOT_PICOVOICE_ACCESS_KEY: '' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^wake word\s+porcupine\s+FAULT\s+WAKEWORD_ACCESS_KEY_MISSING$/m);

    const offline = writeConfig(tempDir(), { ...base, voice: { enabled: true, audioIn: { adapter: 'alsa' }, speech: { sink: { adapter: 'file', dir: tempDir() } } } });
    const ok = await runCli(['doctor', '--config', offline], { LOBBY_ROBOT_PORT: '1' });
    expect(ok.stdout).toMatch(/^wake word\s+openwakeword hey_jarvis\s+OK/m);
    expect(ok.stdout).toMatch(/^speech\s+espeak-ng → file .*OK/m);
    expect(ok.stdout).toMatch(/^microphone\s+alsa default\s+SKIP/m);
  }, 30000);
});
