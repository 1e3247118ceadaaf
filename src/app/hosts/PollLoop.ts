/**
 * Runs `tick` every `everyMs`, never two at once; a tick that throws is reported and the loop goes
 * on. `tick` returns true to run again at once (more waiting than one read could take).
 */
export class PollLoop {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly everyMs: number,
    private readonly tick: () => Promise<boolean | void>,
    private readonly report: (err: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Run a tick now (after the one running, if any), e.g. right after a local change. */
  poke(): void {
    if (this.stopped || this.current) return;
    clearTimeout(this.timer);
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.tick()
        .catch((err: unknown) => {
          this.report(err);
          return false;
        })
        .then((again) => {
          this.current = undefined;
          this.schedule(again === true ? 0 : this.everyMs);
        });
    }, ms);
  }
}
