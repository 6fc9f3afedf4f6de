/**
 * `lobby-robot doctor`'s voice rows: builds the configured wake-word engine and speech out exactly
 * as the robot does (a Porcupine AccessKey is checked by the real library, espeak-ng's voices are
 * looked up), without opening the microphone or playing a sound.
 */
import type { PartStatus } from '../../contract';
import type { VoiceConfig } from '../../controller/config/voice-schema';
import { createVoice } from '../../controller/devices/voice/create-voice';
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

export async function checkVoice(config: VoiceConfig, env: NodeJS.ProcessEnv): Promise<VoiceDoctorRow[]> {
  if (!config.enabled) return [{ part: 'voice', configured: 'off', verdict: 'skip', detail: 'voice.enabled is false' }];
  const voice = await createVoice({ ...config, audioIn: { adapter: 'none' } }, { env, log: createLogger('silent'), language: 'vi', tickIntervalMs: 0 });
  const parts = voice.status();
  await voice.close();
  const mic = config.audioIn;
  const microphone: VoiceDoctorRow =
    mic.adapter === 'none'
      ? { part: 'microphone', configured: 'none', verdict: 'warn', detail: 'no microphone: the robot cannot be woken by voice' }
      : { part: 'microphone', configured: mic.adapter === 'alsa' ? `alsa ${mic.device}` : `file ${mic.path}`, verdict: 'skip', detail: 'opened when the robot starts (see /healthz)' };
  return [microphone, row('wake word', parts.wakeWord, 'engine and keyword loaded'), row('speech', parts.speech, 'espeak-ng voices installed')];
}
