import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, type ServiceAudioSample } from '../../../contract';
import { LANGUAGE_NAMES } from '../../languages';
import type { PanelProps } from '../panels';

const HISTORY = 100;

/** Microphone level and the wake-word score over the last ~10 s, with the threshold line. */
export function AudioPanel({ t, call, api, onError }: PanelProps) {
  const [samples, setSamples] = useState<ServiceAudioSample[]>([]);
  useEffect(() => api.on('service.audio', (s) => setSamples((xs) => [...xs, s].slice(-HISTORY))), [api]);
  const last = samples[samples.length - 1];
  return (
    <>
      <section>
        <h2>{t('audio.mic')}</h2>
        {last ? (
          <div class="service-meter" data-testid="mic-level" data-level={last.micLevel}>
            <span style={`width:${Math.round(last.micLevel * 100)}%`} />
          </div>
        ) : (
          <p data-testid="audio-waiting">{t('audio.waiting')}</p>
        )}
        <h2>{t('audio.wake')}</h2>
        <svg viewBox={`0 0 ${HISTORY} 100`} width="100%" height="120" preserveAspectRatio="none" role="img" aria-label={t('audio.wake')}>
          {last && <line x1="0" x2={HISTORY} y1={100 - last.threshold * 100} y2={100 - last.threshold * 100} stroke="#dc2626" stroke-dasharray="2" />}
          <polyline fill="none" stroke="#1d4ed8" stroke-width="1" points={samples.map((s, i) => `${i},${100 - s.wakeScore * 100}`).join(' ')} />
        </svg>
      </section>
      <section>
        <h2>{t('audio.speakerTest')}</h2>
        <div class="service-row">
          {LANGUAGES.map((l) => (
            <button type="button" data-speaker={l} lang={l} onClick={() => call('service.audio.speakerTest', { language: l }).catch(onError)}>
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
      </section>
    </>
  );
}
