/** Undo steps run in reverse order, once, whether the bench finished, failed or was interrupted. */
export class Cleanup {
  readonly #steps: { label: string; fn: () => Promise<unknown> | unknown }[] = [];
  #ran = false;

  /** Registers an undo step; returns a function that runs it early (and only once). */
  defer(label: string, fn: () => Promise<unknown> | unknown): () => Promise<void> {
    const step = { label, fn };
    this.#steps.push(step);
    return async () => {
      const i = this.#steps.indexOf(step);
      if (i < 0) return;
      this.#steps.splice(i, 1);
      await fn();
    };
  }

  async runAll(): Promise<void> {
    if (this.#ran) return;
    this.#ran = true;
    while (this.#steps.length > 0) {
      const step = this.#steps.pop()!;
      try {
        await step.fn();
      } catch (error) {
        console.error(
          `bench: cleanup "${step.label}" failed:`,
          error instanceof Error ? error.message : error,
        );
      }
    }
  }

  /** Ctrl-C and SIGTERM clean up before leaving. */
  onSignals(): void {
    const leave = (signal: string) => {
      console.error(`\nbench: ${signal}, cleaning up`);
      void this.runAll().then(() => process.exit(130));
    };
    process.once('SIGINT', () => leave('SIGINT'));
    process.once('SIGTERM', () => leave('SIGTERM'));
  }
}
