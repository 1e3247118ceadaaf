/**
 * Rendered pages and JSON bodies, kept until the read model's version moves (any lap, name or
 * schedule change), so a busy night's readers cost one render per change, not one per request.
 * Bounded: the oldest entries go first, so odd query strings cannot grow it.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  private version = -1;

  constructor(
    private readonly currentVersion: () => number,
    private readonly max = 100,
  ) {}

  get<T>(key: string, produce: () => Promise<T>): Promise<T> {
    const version = this.currentVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    let body = this.entries.get(key) as Promise<T> | undefined;
    if (!body) {
      body = produce();
      this.entries.set(key, body);
      // A failure is not kept: the next request tries again.
      body.catch(() => this.entries.get(key) === body && this.entries.delete(key));
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    }
    return body;
  }
}
