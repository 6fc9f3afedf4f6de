/**
 * The parts opened so far, closed in reverse order: after a failed start (issue 16) nothing a
 * step opened is abandoned (a store left open, a device held, an embedded center answering).
 */
export class Teardown {
  private parts: Array<{ name: string; close: () => unknown }> = [];

  add(name: string, close: () => unknown): void {
    this.parts.push({ name, close });
  }

  /** Closes every part, last opened first; one that fails to close does not stop the others. */
  async closeAll(report: (name: string, error?: unknown) => void = () => undefined): Promise<void> {
    const parts = this.parts.reverse();
    this.parts = [];
    for (const part of parts) {
      try {
        await part.close();
        report(part.name);
      } catch (e) {
        report(part.name, e);
      }
    }
  }
}
