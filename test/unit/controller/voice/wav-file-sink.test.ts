/**
 * The WAV file sink (what `auto` picks on a robot without a sound card, and `npm start`'s
 * simulator): whoever lists its folder while an utterance is being written sees no .wav until the
 * file is whole; the folder keeps only the last utterances, so a robot talking all day without a
 * loudspeaker cannot fill the disk its ticket store lives on; numbering goes on after a restart.
 *
 * Real `writeFile` creates the file before it fills it; the stand-in below does the same and, when
 * asked, holds between the two steps, so a sink that wrote straight to the final name is seen
 * half-written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let holdNextWrite = false;
let releaseWrite: () => void = () => undefined;
let writeStarted: () => void = () => undefined;

jest.mock('node:fs/promises', () => {
  const real = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return {
    ...real,
    writeFile: async (path: string, data: Buffer) => {
      if (!holdNextWrite) return real.writeFile(path, data);
      holdNextWrite = false;
      await real.writeFile(path, Buffer.alloc(0)); // created, still empty
      writeStarted();
      await new Promise<void>((resolve) => (releaseWrite = resolve));
      await real.writeFile(path, data);
    },
  };
});

// imported after the mock so the sink picks it up
import { WavFileSink } from '../../../../src/controller/devices/voice/audio-sinks';
import { encodeWav, parseWav } from '../../../../src/controller/devices/voice/wav';

const play = (sink: WavFileSink, samples = 800) => sink.play(encodeWav(new Int16Array(samples).fill(1000), 16000), new AbortController().signal);
const wavs = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.wav')).sort();

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wav-sink-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('shows an utterance in its folder only once the whole WAV is written', async () => {
  const sink = new WavFileSink(dir);
  holdNextWrite = true;
  const started = new Promise<void>((resolve) => (writeStarted = resolve));
  const playing = play(sink, 8000);
  await started;
  expect(wavs(dir)).toEqual([]); // mid-write: nothing to read yet
  releaseWrite();
  await playing;
  expect(readdirSync(dir)).toEqual(['0001.wav']); // no leftover partial file
  expect(parseWav(readFileSync(join(dir, '0001.wav'))).data.length).toBe(16000);
});

it('keeps only the last utterances, and a restarted robot numbers on from the newest', async () => {
  const first = new WavFileSink(dir, 3);
  for (let i = 0; i < 5; i++) await play(first);
  expect(wavs(dir)).toEqual(['0003.wav', '0004.wav', '0005.wav']);
  // the robot restarts: a new sink on the same folder, with a half-written file a crash left behind
  writeFileSync(join(dir, '0006.wav.part'), 'RIFF');
  const second = new WavFileSink(dir, 3);
  await Promise.all([play(second), play(second)]); // two at once still get a number each
  expect(wavs(dir)).toEqual(['0005.wav', '0006.wav', '0007.wav']);
  expect(existsSync(join(dir, '0006.wav.part'))).toBe(false);
});

it('tries its folder again after it could not be made', async () => {
  const blocked = join(dir, 'voice');
  writeFileSync(blocked, 'a file where the folder should be');
  const sink = new WavFileSink(blocked);
  await expect(play(sink)).rejects.toThrow();
  rmSync(blocked);
  await play(sink);
  expect(wavs(blocked)).toEqual(['0001.wav']);
});
