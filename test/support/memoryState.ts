import type { StateStore } from '../../src/app/ports';

/** In-memory StateStore for use-case tests (the real backends pass the same contract suite). */
export class MemoryState implements StateStore {
  private readonly data = new Map<string, unknown>();
  async get<T>(ns: string, key: string): Promise<T | undefined> {
    const v = this.data.get(`${ns}\u0000${key}`);
    return v === undefined ? undefined : (structuredClone(v) as T);
  }
  async put<T>(ns: string, key: string, value: T): Promise<void> {
    this.data.set(`${ns}\u0000${key}`, structuredClone(value));
  }
  async delete(ns: string, key: string): Promise<void> {
    this.data.delete(`${ns}\u0000${key}`);
  }
  async insert<T>(ns: string, key: string, value: T): Promise<boolean> {
    if (this.data.has(`${ns}\u0000${key}`)) return false;
    await this.put(ns, key, value);
    return true;
  }
  async take<T>(ns: string, key: string): Promise<T | undefined> {
    const value = await this.get<T>(ns, key);
    this.data.delete(`${ns}\u0000${key}`);
    return value;
  }
  async list<T>(ns: string): Promise<Array<{ key: string; value: T }>> {
    return [...this.data]
      .filter(([k]) => k.startsWith(`${ns}\u0000`))
      .map(([k, v]) => ({ key: k.slice(ns.length + 1), value: structuredClone(v) as T }));
  }
}
