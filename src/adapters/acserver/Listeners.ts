/** A list of callbacks; `add` returns the function that removes the one added. */
export class Listeners<A extends unknown[]> {
  private readonly list: Array<(...args: A) => void> = [];

  add(listener: (...args: A) => void): () => void {
    this.list.push(listener);
    return () => {
      const i = this.list.indexOf(listener);
      if (i >= 0) this.list.splice(i, 1);
    };
  }

  /** Calls every listener added so far; one removing itself does not skip another. */
  emit(...args: A): void {
    for (const l of [...this.list]) l(...args);
  }
}
