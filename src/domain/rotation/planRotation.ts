import type { EventConfig } from '../season/season';
import { renderServerCfg, renderEntryList, parseIniDocument, getKey, type IniChange } from './ini';
import { sectionSpans } from './ini/IniDocument';

export interface SlotCount {
  model: string;
  slots: number;
}

export interface EntryListSummary {
  /** null: there was no entry_list.ini */
  before: SlotCount[] | null;
  after: SlotCount[];
  /** the file's bytes change */
  changed: boolean;
}

/** What a rotation to `event` would write, and what it changes. */
export interface RotationPlan {
  event: EventConfig;
  serverCfg: IniChange[];
  entryList: EntryListSummary;
  texts: { serverCfg: string; entryList: string };
}

/**
 * Renders both INI files for `event` from what the server has now. Throws (UnsafeIniValueError,
 * RangeError) when the event carries a value that cannot be written.
 */
export function planRotation(
  event: EventConfig,
  current: { serverCfg: string | null; entryList: string | null },
): RotationPlan {
  const server = renderServerCfg(current.serverCfg ?? '', event);
  const entryList = renderEntryList(event, current.entryList ?? undefined).text;
  return {
    event,
    serverCfg: server.changes,
    entryList: {
      before: current.entryList === null ? null : entryListSlots(current.entryList),
      after: entryListSlots(entryList),
      changed: entryList !== current.entryList,
    },
    texts: { serverCfg: server.text, entryList },
  };
}

/** Slots per car model in an entry list, in order of first appearance. */
export function entryListSlots(text: string): SlotCount[] {
  const doc = parseIniDocument(text);
  const counts = new Map<string, number>();
  for (const span of sectionSpans(doc)) {
    if (!/^CAR_\d+$/.test(span.name)) continue;
    const model = getKey(doc, span.name, 'MODEL') ?? '?';
    counts.set(model, (counts.get(model) ?? 0) + 1);
  }
  return [...counts].map(([model, slots]) => ({ model, slots }));
}
