/**
 * The service panel's microphone meter: a dB scale from −60 to 0 dBFS, one reading per 100 ms of
 * audio, about ten readings a second at most, and merged readings that keep the peaks.
 */
import { AudioMeter, levelFromRms } from '../../../src/core/audio-meter';

/** `n` samples of a sine at `amplitude` (0..1 of full scale). */
function sine(n: number, amplitude: number, hz = 440): Int16Array {
  return Int16Array.from({ length: n }, (_, i) => Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * hz * i) / 16000)));
}

describe('levelFromRms', () => {
  it('maps −60..0 dBFS to 0..1 and clamps outside', () => {
    expect(levelFromRms(0)).toBe(0);
    expect(levelFromRms(10 ** (-70 / 20))).toBe(0);
    expect(levelFromRms(10 ** (-60 / 20))).toBeCloseTo(0, 6);
    expect(levelFromRms(10 ** (-30 / 20))).toBeCloseTo(0.5, 6);
    expect(levelFromRms(1)).toBe(1);
    expect(levelFromRms(Number.NaN)).toBe(0);
  });
});

describe('AudioMeter', () => {
  it('reads each 100 ms window of real-time audio: loud sine high, a quiet one low, silence 0', () => {
    const meter = new AudioMeter({ windowSamples: 1600, maxPerSecond: 10 });
    const readings: number[] = [];
    // 80 ms chunks every 80 ms: windows close 80 or 160 ms apart and none may be lost
    const audio = new Int16Array(24000);
    audio.set(sine(8000, 0.5));
    audio.set(sine(8000, 0.001), 8000);
    let now = 0;
    for (let i = 0; i < audio.length; i += 1280) {
      now += 80;
      meter.push(audio.subarray(i, i + 1280), 0);
      const r = meter.take(now);
      if (r) readings.push(r.micLevel);
    }
    expect(readings).toHaveLength(15);
    // −9 dBFS (RMS of a 0.5 sine) → 0.85; −63 dBFS → 0; digital silence → 0
    for (const level of readings.slice(0, 5)) expect(level).toBeCloseTo(0.85, 2);
    for (const level of readings.slice(6, 10)) expect(level).toBe(0);
    for (const level of readings.slice(11)) expect(level).toBe(0);
  });

  it('throttles a flood to about ten a second and keeps the loudest level and highest score', () => {
    const meter = new AudioMeter({ windowSamples: 1600, maxPerSecond: 10 });
    const taken: Array<{ at: number; micLevel: number; wakeScore: number }> = [];
    // 10 s of audio handed over in 1 s of clock (a fast file source): 100 windows
    for (let w = 0; w < 100; w++) {
      const loud = w === 57;
      meter.push(loud ? sine(1600, 0.9) : sine(1600, 0.01), w === 42 ? 0.97 : 0.05);
      const at = w * 10;
      const r = meter.take(at);
      if (r) taken.push({ at, ...r });
    }
    // two at once (the burst), then one per 100 ms of clock
    expect(taken.length).toBeGreaterThanOrEqual(10);
    expect(taken.length).toBeLessThanOrEqual(12);
    expect(Math.max(...taken.map((t) => t.wakeScore))).toBe(0.97);
    expect(Math.max(...taken.map((t) => t.micLevel))).toBeGreaterThan(0.9);
    expect(taken.filter((t) => t.wakeScore === 0.97)).toHaveLength(1);
  });

  it('gives a score to the window open when its chunk ends; nothing before a window completes', () => {
    const meter = new AudioMeter({ windowSamples: 1600, maxPerSecond: 10 });
    meter.push(new Int16Array(1000), 0.3);
    expect(meter.take(0)).toBeNull();
    meter.push(new Int16Array(600), 0.8); // completes window 1 exactly
    expect(meter.take(100)).toEqual({ micLevel: 0, wakeScore: 0.8 });
    meter.push(new Int16Array(1700), 0.6); // closes window 2 and ends inside window 3
    expect(meter.take(200)).toEqual({ micLevel: 0, wakeScore: 0 });
    meter.push(new Int16Array(1500), 0);
    expect(meter.take(300)).toEqual({ micLevel: 0, wakeScore: 0.6 });
  });

  it('refuses options that would never read', () => {
    expect(() => new AudioMeter({ windowSamples: 0, maxPerSecond: 10 })).toThrow(RangeError);
    expect(() => new AudioMeter({ windowSamples: 1600, maxPerSecond: 0 })).toThrow(RangeError);
  });
});
