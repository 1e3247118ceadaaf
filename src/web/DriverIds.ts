import { createHmac, randomBytes } from 'node:crypto';
import type { StateStore } from '../app/ports';

const NS = 'web';
const KEY = 'driverIdKey';

/**
 * Driver URLs without the Steam GUID: the id is an HMAC of the GUID under a random key kept in the
 * store, so it stays the same across restarts (and for every reader) but cannot be turned back
 * into a GUID by hashing candidate GUIDs, which a plain hash would allow. With showGuids the
 * GUID itself is the id.
 */
export class DriverIds {
  private readonly ids = new Map<string, string>();

  constructor(private readonly key: Buffer | null) {}

  /** The key is made once, on the first start with the website on, and read back afterwards. */
  static async load(state: StateStore, showGuids: boolean): Promise<DriverIds> {
    if (showGuids) return new DriverIds(null);
    let hex = await state.get<string>(NS, KEY);
    if (!hex) {
      hex = randomBytes(32).toString('hex');
      await state.put(NS, KEY, hex);
    }
    return new DriverIds(Buffer.from(hex, 'hex'));
  }

  get showsGuids(): boolean {
    return this.key === null;
  }

  idOf(guid: string): string {
    if (!this.key) return guid;
    let id = this.ids.get(guid);
    if (!id) {
      id = createHmac('sha256', this.key).update(guid).digest('base64url').slice(0, 16);
      this.ids.set(guid, id);
    }
    return id;
  }

  /** The GUID among the candidates whose id this is. */
  resolve(id: string, candidates: Iterable<string>): string | undefined {
    for (const guid of candidates) if (this.idOf(guid) === id) return guid;
    return undefined;
  }
}
