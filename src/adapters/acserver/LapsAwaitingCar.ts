import type { CarInfoQuestions } from './CarInfoQuestions';

export interface AwaitedLap {
  carId: number;
  lapTimeMs: number;
  cuts: number;
  receivedAt: Date;
}

/** Why a lap of an unknown car was given up. */
export type AwaitedLapDrop = 'no-car-info' | 'not-connected' | 'too-many-waiting';

/**
 * Laps of cars the bot has not heard of (it started after they connected, or their NEW_CONNECTION
 * was lost): acServer is asked for the car (bounded per slot) and each lap waits for the answer
 * for a bounded time, then is dropped (the results file still brings it). A few laps per car at
 * most: a car laps every 20 s or more, a flood of laps is garbage.
 */
export class LapsAwaitingCar {
  private readonly waiting = new Map<number, Array<{ lap: AwaitedLap; timer: NodeJS.Timeout }>>();

  constructor(
    private readonly questions: CarInfoQuestions,
    private readonly waitMs: number,
    private readonly onDropped: (lap: AwaitedLap, why: AwaitedLapDrop) => void,
    private readonly maxPerCar = 4,
  ) {}

  add(lap: AwaitedLap): void {
    // acServer answered for this slot a moment ago and the car is still unknown: the slot is empty.
    if (this.questions.ask(lap.carId) === 'answered') return this.onDropped(lap, 'not-connected');
    const list = this.waiting.get(lap.carId) ?? [];
    if (list.length >= this.maxPerCar) return this.onDropped(lap, 'too-many-waiting');
    const entry = { lap, timer: setTimeout(() => this.drop(entry), this.waitMs) };
    list.push(entry);
    this.waiting.set(lap.carId, list);
  }

  /** acServer named the car (`known`) or said the slot is empty: the laps to deliver, oldest first. */
  answered(carId: number, known: boolean): AwaitedLap[] {
    const laps = this.release(carId);
    if (known) return laps;
    for (const lap of laps) this.onDropped(lap, 'not-connected');
    return [];
  }

  clear(): void {
    for (const carId of [...this.waiting.keys()]) this.release(carId);
  }

  private release(carId: number): AwaitedLap[] {
    const list = this.waiting.get(carId) ?? [];
    this.waiting.delete(carId);
    for (const e of list) clearTimeout(e.timer);
    return list.map((e) => e.lap);
  }

  private drop(entry: { lap: AwaitedLap; timer: NodeJS.Timeout }): void {
    const left = (this.waiting.get(entry.lap.carId) ?? []).filter((e) => e !== entry);
    if (left.length) this.waiting.set(entry.lap.carId, left);
    else this.waiting.delete(entry.lap.carId);
    this.onDropped(entry.lap, 'no-car-info');
  }
}
