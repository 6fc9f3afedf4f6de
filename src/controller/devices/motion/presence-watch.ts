/**
 * The presence sensor's level, debounced and rate-limited by core/presence: reports every level
 * change at once, and asks for a greeting only when core says a visitor has really arrived.
 */
import { DEFAULT_PRESENCE, INITIAL_PRESENCE, presenceStep, type PresenceOptions, type PresenceState } from '../../../core/presence';

export class PresenceWatch {
  private state: PresenceState = INITIAL_PRESENCE;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly now: () => number,
    private readonly options: PresenceOptions = DEFAULT_PRESENCE,
    private readonly onChange: (present: boolean) => void,
    private readonly onGreet: () => void,
  ) {}

  input(present: boolean, fromTimer = false): void {
    clearTimeout(this.timer);
    const step = presenceStep(this.state, fromTimer ? undefined : present, this.now(), this.options);
    if (!fromTimer && present !== this.state.high) this.onChange(present);
    this.state = step.state;
    if (step.recheckAtMs !== null) {
      this.timer = setTimeout(() => this.input(this.state.high, true), Math.max(0, step.recheckAtMs - this.now()));
    }
    if (step.greet) this.onGreet();
  }

  close(): void {
    clearTimeout(this.timer);
  }
}
