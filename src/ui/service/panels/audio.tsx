import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, type ServiceAudioSample } from '../../../contract';
import { LANGUAGE_NAMES } from '../../languages';
import type { PanelProps } from '../panels';

/** Readings kept: the voice module sends about ten a second, so the graph spans ~10 s. */
const HISTORY = 100;
/** The meter's peak mark holds the loudest of the last ~2 s. */
const PEAK_HOLD = 20;
/** The controller's level is RMS in dBFS mapped from −60..0 dB to 0..1 (src/core/audio-meter). */
const FLOOR_DB = -60;

const dbOf = (level: number) => (level <= 0 ? '−∞' : `${Math.round(FLOOR_DB * (1 - level))}`);
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * Microphone level (a bar with a peak mark and dBFS) and the wake-word score over the last ~10 s,
 * newest on the right, with the threshold line and the readings that crossed it marked. What a
 * technician needs to set the threshold: speech should stand well above the line, the room below.
 */
export function AudioPanel({ t, call, api, onError }: PanelProps) {
  const [samples, setSamples] = useState<ServiceAudioSample[]>([]);
  useEffect(() => api.on('service.audio', (s) => setSamples((xs) => [...xs, s].slice(-HISTORY))), [api]);
  const last = samples[samples.length - 1];
  const peak = Math.max(0, ...samples.slice(-PEAK_HOLD).map((s) => s.micLevel));
  const x0 = HISTORY - samples.length; // newest reading at the right edge
  const y = (score: number) => 100 - score * 100;
  return (
    <>
      <section>
        <h2>{t('audio.mic')}</h2>
        {last ? (
          <>
            <div class="service-meter" data-testid="mic-level" data-level={last.micLevel} role="meter" aria-label={t('audio.mic')} aria-valuemin={0} aria-valuemax={1} aria-valuenow={last.micLevel}>
              <span style={`width:${pct(last.micLevel)}`} class={last.micLevel >= 0.95 ? 'service-meter-clip' : undefined} />
              <i class="service-meter-peak" data-testid="mic-peak" style={`left:${pct(peak)}`} />
            </div>
            <p class="service-row" data-testid="mic-db">
              {dbOf(last.micLevel)} dBFS
            </p>
          </>
        ) : (
          <p data-testid="audio-waiting">{t('audio.waiting')}</p>
        )}
        <h2>{t('audio.wake')}</h2>
        {last && (
          <p class="service-row" data-testid="wake-readout">
            <span data-testid="wake-score">{last.wakeScore.toFixed(2)}</span>
            <span>
              {t('audio.threshold')}: <b data-testid="wake-threshold-value">{last.threshold.toFixed(2)}</b>
            </span>
          </p>
        )}
        <svg viewBox={`0 0 ${HISTORY} 100`} width="100%" height="160" preserveAspectRatio="none" role="img" aria-label={t('audio.wake')} data-testid="wake-graph" class="service-graph">
          {last && (
            <line data-testid="wake-threshold" data-threshold={last.threshold} x1="0" x2={HISTORY} y1={y(last.threshold)} y2={y(last.threshold)} stroke="#dc2626" stroke-dasharray="3 2" stroke-width="2" vector-effect="non-scaling-stroke" />
          )}
          <polyline
            data-testid="wake-line"
            fill="none"
            stroke="#1d4ed8"
            stroke-width="2"
            vector-effect="non-scaling-stroke"
            points={samples.map((s, i) => `${x0 + i},${y(s.wakeScore)}`).join(' ')}
          />
          {samples.map((s, i) =>
            s.wakeScore >= s.threshold ? <rect data-testid="wake-over" x={x0 + i - 0.5} y={y(s.wakeScore)} width="1" height={s.wakeScore * 100} fill="#dc2626" opacity="0.35" /> : null,
          )}
        </svg>
      </section>
      <SpeakerTest t={t} call={call} onError={onError} />
    </>
  );
}

/** One button per language: the loudspeaker says a test sentence in it. */
function SpeakerTest({ t, call, onError }: Pick<PanelProps, 't' | 'call' | 'onError'>) {
  return (
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
  );
}
