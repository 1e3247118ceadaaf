/** A one-way gate: waiters pass once it opens, or get the error once it closes for good (first call wins). */
export class Gate {
  private readonly promise: Promise<void>;
  private resolve!: () => void;
  private reject!: (err: Error) => void;

  constructor() {
    this.promise = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.promise.catch(() => {}); // closing with nobody waiting is not an unhandled rejection
  }

  passed(): Promise<void> {
    return this.promise;
  }

  open(): void {
    this.resolve();
  }

  close(err: Error): void {
    this.reject(err);
  }
}
