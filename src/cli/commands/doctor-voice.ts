/**
 * `lobby-robot doctor`'s voice rows: builds the configured wake-word engine and speech out exactly
 * as the robot does (a Porcupine AccessKey is checked by the real library, espeak-ng's voices are
 * looked up), without opening the microphone or playing a sound.
 */
import type { PartStatus } from '../../contract';
import type { VoiceConfig } from '../../controller/config/voice-schema';
import { WAV_FILES_KEPT } from '../../controller/devices/voice/audio-sinks';
import { createVoice } from '../../controller/devices/voice/create-voice';
import { resolveVoice, systemVoiceHost, type VoiceHost } from '../../controller/devices/voice/voice-host';
import { createLogger } from '../../controller/log';

/** One line of doctor's table (same shape as doctor.ts's rows). */
export interface VoiceDoctorRow {
  part: string;
  configured: string;
  verdict: 'ok' | 'warn' | 'fault' | 'skip';
  detail: string;
}

function row(part: string, s: PartStatus, okDetail: string): VoiceDoctorRow {
  if (s.state === 'ok') return { part, configured: s.adapter, verdict: 'ok', detail: okDetail };
  if (s.state === 'disabled') return { part, configured: 'none', verdict: 'skip', detail: 'not configured' };
  return { part, configured: s.adapter, verdict: 'fault', detail: s.code ?? s.state };
}

/** `auto` parts are resolved as the robot resolves them at start, and the rows say what they became. */
export async function checkVoice(given: VoiceConfig, env: NodeJS.ProcessEnv, dataDir = '.', host: VoiceHost = systemVoiceHost(env)): Promise<VoiceDoctorRow[]> {
  const { config } = resolveVoice(given, dataDir, host);
  if (given.enabled === 'auto' && !config.enabled) return [{ part: 'voice', configured: 'auto', verdict: 'warn', detail: 'espeak-ng is not installed: the robot neither speaks nor listens (apt install espeak-ng)' }];
  if (!config.enabled) return [{ part: 'voice', configured: 'off', verdict: 'skip', detail: 'voice.enabled is false' }];
  const voice = await createVoice({ ...config, audioIn: { adapter: 'none' } }, { env, log: createLogger('silent'), language: 'vi', tickIntervalMs: 0 });
  const parts = voice.status();
  await voice.close();
  const mic = config.audioIn;
  const microphone: VoiceDoctorRow =
    mic.adapter === 'none'
      ? { part: 'microphone', configured: 'none', verdict: 'warn', detail: 'no microphone: the robot cannot be woken by voice' }
      : mic.adapter === 'alsa'
        ? { part: 'microphone', configured: `alsa ${mic.device}`, verdict: 'skip', detail: 'the wake word listens to this microphone; opened when the robot starts (see /healthz)' }
        : { part: 'microphone', configured: `file ${mic.path}`, verdict: 'skip', detail: `the wake word listens to the WAV file ${mic.path}` };
  if (given.audioIn.adapter === 'auto' && mic.adapter === 'none') microphone.detail = 'no sound card and no WAV configured (voice.audioIn.path): the robot cannot be woken by voice';
  const sink = config.speech.sink;
  const speechOk = sink.adapter === 'file' ? `espeak-ng voices installed; speech goes to WAV files in ${sink.dir} (${given.speech.sink.adapter === 'auto' ? 'no sound card; ' : ''}the last ${WAV_FILES_KEPT} kept)` : 'espeak-ng voices installed; speech goes to the sound card';
  return [microphone, row('wake word', parts.wakeWord, 'engine and keyword loaded'), row('speech', parts.speech, speechOk)];
}
