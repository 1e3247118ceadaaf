interface Round {
  session: boolean;
  pending: Set<number>;
  timer?: NodeJS.Timeout;
  done: Promise<boolean>;
  resolve: (sessionAnswered: boolean) => void;
}

/**
 * Asks acServer for the running session and every car slot, and tells when it has answered all
 * (or the time is up): after VERSION, and before /kickall acts, the bot then knows what acServer
 * said rather than what it remembered. A survey asked for while one runs joins it and asks again.
 */
export class PluginSurvey {
  private round: Round | null = null;

  constructor(private readonly ask: { session(): void; car(carId: number): void }) {}

  /** Resolves true once acServer has answered the session question (and every slot, or the time is up). */
  run(slots: readonly number[], timeoutMs: number): Promise<boolean> {
    const round = this.round ?? this.start();
    clearTimeout(round.timer);
    round.timer = setTimeout(() => this.finish(), timeoutMs);
    round.timer.unref?.();
    for (const s of slots) round.pending.add(s);
    this.ask.session();
    for (const s of slots) this.ask.car(s);
    return round.done;
  }

  heardSession(): void {
    if (!this.round) return;
    this.round.session = true;
    this.check();
  }

  heardCar(carId: number): void {
    if (!this.round) return;
    this.round.pending.delete(carId);
    this.check();
  }

  close(): void {
    this.finish();
  }

  private start(): Round {
    let resolve!: (ok: boolean) => void;
    const done = new Promise<boolean>((r) => (resolve = r));
    this.round = { session: false, pending: new Set(), done, resolve };
    return this.round;
  }

  private check(): void {
    if (this.round?.session && this.round.pending.size === 0) this.finish();
  }

  private finish(): void {
    const round = this.round;
    if (!round) return;
    this.round = null;
    clearTimeout(round.timer);
    round.resolve(round.session);
  }
}
