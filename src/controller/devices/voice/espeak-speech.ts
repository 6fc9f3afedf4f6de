/**
 * The speech-out port on espeak-ng: synthesize, then play through a sink. `stop` (a touch on the
 * screen) aborts synthesis and playback at once.
 */
import { CodedError, type Language, type PartStatus } from '../../../contract';
import type { EspeakSynth } from './espeak';
import type { AudioSink, SpeechOutcome, SpeechOutPort } from './speech-port';

export class EspeakSpeech implements SpeechOutPort {
  private current: AbortController | null = null;
  private state: PartStatus;

  constructor(
    private readonly synth: EspeakSynth,
    private readonly sink: AudioSink,
  ) {
    this.state = { state: 'ok', adapter: `espeak-ng → ${sink.name}` };
  }

  status(): PartStatus {
    return this.state;
  }

  isSpeaking(): boolean {
    return this.current !== null;
  }

  stop(): void {
    this.current?.abort();
    this.current = null;
  }

  async say(text: string, language: Language): Promise<SpeechOutcome> {
    this.stop();
    const control = new AbortController();
    this.current = control;
    try {
      const wav = await this.synth.synthesize(text, language, control.signal);
      if (!control.signal.aborted) await this.sink.play(wav, control.signal);
      this.state = { state: 'ok', adapter: this.state.adapter };
      return control.signal.aborted ? 'stopped' : 'done';
    } catch (e) {
      if (control.signal.aborted) return 'stopped';
      const code = e instanceof CodedError ? e.code : 'VOICE_PLAYBACK_FAILED';
      this.state = { state: 'fault', adapter: this.state.adapter, code };
      throw e;
    } finally {
      if (this.current === control) this.current = null;
    }
  }
}
