import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodedError } from '../../../../src/contract';
import { bytesToInt16, encodeWav, parseWav, readPcm16k } from '../../../../src/controller/devices/voice/wav';

describe('WAV files', () => {
  it('round-trips 16 kHz mono samples', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const info = parseWav(encodeWav(samples));
    expect(info).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16, format: 1 });
    expect(Array.from(bytesToInt16(info.data))).toEqual(Array.from(samples));
  });

  it('reads a streamed WAV whose data size was never filled in (espeak-ng --stdout)', () => {
    const wav = encodeWav(Int16Array.from([5, 6, 7]), 22050);
    wav.writeUInt32LE(0xffffffff, 40);
    expect(Array.from(bytesToInt16(parseWav(wav).data))).toEqual([5, 6, 7]);
  });

  it('refuses what is not a WAV with VOICE_AUDIO_FORMAT_UNSUPPORTED', () => {
    for (const bytes of [Buffer.from('ID3 mp3 data here'), Buffer.alloc(4), Buffer.from('RIFF\0\0\0\0WAVEjunk')]) {
      expect(() => parseWav(bytes)).toThrow(expect.objectContaining({ code: 'VOICE_AUDIO_FORMAT_UNSUPPORTED' }));
    }
  });

  it('reads pipeline-format WAVs and raw .pcm without sox; a missing file is VOICE_AUDIO_FILE_UNREADABLE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wav-'));
    try {
      writeFileSync(join(dir, 'a.wav'), encodeWav(Int16Array.from([1, 2, 3])));
      writeFileSync(join(dir, 'a.pcm'), Buffer.from([4, 0, 5, 0]));
      const noSox = { sox: join(dir, 'no-sox-here') };
      expect(Array.from(await readPcm16k(join(dir, 'a.wav'), noSox))).toEqual([1, 2, 3]);
      expect(Array.from(await readPcm16k(join(dir, 'a.pcm'), noSox))).toEqual([4, 5]);
      const missing = await readPcm16k(join(dir, 'none.wav')).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(CodedError);
      expect((missing as CodedError).code).toBe('VOICE_AUDIO_FILE_UNREADABLE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
