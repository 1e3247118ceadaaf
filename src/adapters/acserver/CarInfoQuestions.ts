/** What `ask` did: sent a question, or not because one is in flight or acServer answered lately. */
export type CarInfoAsk = 'asked' | 'in-flight' | 'answered';

/**
 * GET_CAR_INFO per slot, bounded: at most one question in flight per slot and at most one per
 * `intervalMs`, so a flood of laps from a car the bot does not know costs one datagram, not one
 * per lap.
 */
export class CarInfoQuestions {
  private readonly askedAt = new Map<number, number>();
  /** Slots acServer has answered since their last question. */
  private readonly answered = new Set<number>();

  constructor(
    private readonly send: (carId: number) => void,
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  /** For a lap of a car the bot does not know. */
  ask(carId: number): CarInfoAsk {
    const at = this.askedAt.get(carId);
    if (at === undefined || this.now() - at >= this.intervalMs) {
      this.askNow(carId);
      return 'asked';
    }
    return this.answered.has(carId) ? 'answered' : 'in-flight';
  }

  /** Asks whatever the interval says: for a survey, which is bounded itself. */
  askNow(carId: number): void {
    this.askedAt.set(carId, this.now());
    this.answered.delete(carId);
    this.send(carId);
  }

  heard(carId: number): void {
    this.answered.add(carId);
  }
}
