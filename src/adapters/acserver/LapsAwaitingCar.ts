export interface AwaitedLap {
  carId: number;
  lapTimeMs: number;
  cuts: number;
  receivedAt: Date;
}

/**
 * Laps of cars the bot has not heard of yet (it started after they connected): each waits for the
 * car's CAR_INFO for a bounded time, then is dropped (the results file still brings it).
 */
export class LapsAwaitingCar {
  private readonly waiting = new Map<number, Array<{ lap: AwaitedLap; timer: NodeJS.Timeout }>>();

  constructor(
    private readonly waitMs: number,
    private readonly onDropped: (lap: AwaitedLap) => void,
  ) {}

  add(lap: AwaitedLap): void {
    const entry = { lap, timer: setTimeout(() => this.drop(entry), this.waitMs) };
    const list = this.waiting.get(lap.carId);
    if (list) list.push(entry);
    else this.waiting.set(lap.carId, [entry]);
  }

  /** The car is known now: its waiting laps, oldest first. */
  release(carId: number): AwaitedLap[] {
    const list = this.waiting.get(carId) ?? [];
    this.waiting.delete(carId);
    for (const e of list) clearTimeout(e.timer);
    return list.map((e) => e.lap);
  }

  clear(): void {
    for (const carId of [...this.waiting.keys()]) this.release(carId);
  }

  private drop(entry: { lap: AwaitedLap; timer: NodeJS.Timeout }): void {
    const left = (this.waiting.get(entry.lap.carId) ?? []).filter((e) => e !== entry);
    if (left.length) this.waiting.set(entry.lap.carId, left);
    else this.waiting.delete(entry.lap.carId);
    this.onDropped(entry.lap);
  }
}
