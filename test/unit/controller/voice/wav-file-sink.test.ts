/**
 * The WAV file sink (machines without a loudspeaker, `npm start`'s simulator profile): whoever
 * lists its folder while an utterance is being written sees no .wav until the file is whole. Real
 * `writeFile` creates the file before it fills it; the stand-in below does the same and holds
 * between the two steps, so a sink that wrote straight to the final name is seen half-written.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let releaseWrite: () => void = () => undefined;
let writeStarted: () => void = () => undefined;

jest.mock('node:fs/promises', () => {
  const real = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return {
    ...real,
    writeFile: async (path: string, data: Buffer) => {
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

it('shows an utterance in its folder only once the whole WAV is written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wav-sink-'));
  try {
    const sink = new WavFileSink(dir);
    const wav = encodeWav(new Int16Array(8000).fill(1000), 16000);
    const started = new Promise<void>((resolve) => (writeStarted = resolve));
    const playing = sink.play(wav, new AbortController().signal);
    await started;
    expect(readdirSync(dir).filter((f) => f.endsWith('.wav'))).toEqual([]); // mid-write: nothing to read yet
    releaseWrite();
    await playing;
    expect(readdirSync(dir)).toEqual(['0001.wav']); // no leftover partial file
    expect(parseWav(readFileSync(join(dir, '0001.wav'))).data.length).toBe(16000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
