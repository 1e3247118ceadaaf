import type { SeasonConfigSeason } from '../season/season';
import type { Alias } from '../types';
import type { UnrankedRow } from './rankRows';

type KeptRows = Map<string, { parts: readonly unknown[]; row: UnrankedRow }>;

/**
 * A season's driver rows from its last combination, kept by the caller between runs: a driver
 * whose row is built from the very same objects as last time (their latest lap and each event
 * placing, from kept event classifications), under the same season config object and the same
 * aliases, gets the same row back instead of a new one. A large season then rebuilds only the rows
 * of the drivers in the events that changed. Rows of drivers not seen in a run are forgotten.
 */
export class RowMemo {
  private season: SeasonConfigSeason | undefined;
  private aliases = '';
  private previous: KeptRows = new Map();
  private current: KeptRows = new Map();

  /** A new combination starts: rows are reused only when the season config and aliases are the same. */
  begin(season: SeasonConfigSeason, aliases: readonly Alias[]): void {
    const key = JSON.stringify(aliases);
    const same = season === this.season && key === this.aliases;
    this.previous = same ? this.current : (new Map() as KeptRows);
    this.current = new Map();
    this.season = season;
    this.aliases = key;
  }

  /** The driver's row: the kept one when it was built from the same parts, else `build()`. */
  row(guid: string, parts: readonly unknown[], build: () => UnrankedRow): UnrankedRow {
    const kept = this.previous.get(guid);
    const row = kept && sameParts(kept.parts, parts) ? kept.row : build();
    this.current.set(guid, { parts, row });
    return row;
  }
}

function sameParts(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
