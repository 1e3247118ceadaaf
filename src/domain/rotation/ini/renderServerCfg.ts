import type { EventConfig, SessionSettings } from '../../season/season';
import { parseIniDocument } from './parseIniDocument';
import { serialize } from './serialize';
import { getKey, hasSection, sectionEntries } from './getKey';
import { setKey } from './setKey';
import { ensureSection } from './ensureSection';
import { removeSection } from './removeSection';
import { assertSafeIniValue } from './safeIniValue';
import { eventCarModels, totalSlots } from './eventCars';

export interface IniChange {
  section: string;
  key: string;
  /** undefined: the key (or its section) did not exist */
  from: string | undefined;
  /** undefined: the key is removed with its section */
  to: string | undefined;
}

export interface RenderServerCfgOptions {
  /** sets [SERVER] NAME; without it the admin's NAME is kept */
  serverName?: string;
}

const SESSIONS = [
  ['practice', 'PRACTICE', 'Practice'],
  ['qualify', 'QUALIFY', 'Qualify'],
  ['race', 'RACE', 'Race'],
] as const;

// The event owns: [SERVER] CARS, TRACK, CONFIG_TRACK, MAX_CLIENTS (= total slots, the number of
// entry-list sections), NAME only when asked, and — only when the event defines at least one
// session — the session line-up: sections it defines get TIME and whichever of LAPS, WAIT_TIME,
// IS_OPEN it sets; sections it leaves out are removed (a missing section means no such session).
// Every other byte of the file is the admin's and stays as written.
export function renderServerCfg(
  existing: string,
  event: EventConfig,
  opts: RenderServerCfgOptions = {},
): { text: string; changes: IniChange[] } {
  let doc = parseIniDocument(existing);
  const changes: IniChange[] = [];
  const set = (section: string, key: string, value: string): void => {
    const from = getKey(doc, section, key);
    doc = setKey(doc, section, key, value);
    if (from !== value) changes.push({ section, key, from, to: value });
  };

  assertSafeIniValue('track', event.track, 'id');
  assertSafeIniValue('layout', event.layout, 'optionalId');
  const models = eventCarModels(event);
  if (opts.serverName !== undefined) set('SERVER', 'NAME', opts.serverName);
  set('SERVER', 'CARS', models.join(';'));
  set('SERVER', 'TRACK', event.track);
  set('SERVER', 'CONFIG_TRACK', event.layout);
  set('SERVER', 'MAX_CLIENTS', String(totalSlots(event)));

  const sessions = event.sessions ?? {};
  if (SESSIONS.some(([k]) => sessions[k] !== undefined)) {
    for (const [k, section, name] of SESSIONS) {
      const settings = sessions[k];
      if (settings === undefined) {
        for (const [key, from] of sectionEntries(doc, section)) changes.push({ section, key, from, to: undefined });
        doc = removeSection(doc, section);
      } else {
        if (!hasSection(doc, section)) {
          doc = ensureSection(doc, section);
          set(section, 'NAME', name);
        }
        for (const [key, value] of sessionKeys(section, settings)) set(section, key, value);
      }
    }
  }
  return { text: serialize(doc), changes };
}

function sessionKeys(section: string, s: SessionSettings): Array<[string, string]> {
  const out: Array<[string, string]> = [['TIME', count(`${section}.TIME`, s.time)]];
  if (s.laps !== undefined) out.push(['LAPS', count(`${section}.LAPS`, s.laps)]);
  if (s.waitTime !== undefined) out.push(['WAIT_TIME', count(`${section}.WAIT_TIME`, s.waitTime)]);
  if (s.isOpen !== undefined) out.push(['IS_OPEN', count(`${section}.IS_OPEN`, s.isOpen)]);
  return out;
}

function count(field: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${field} must be a whole number >= 0, got ${n}`);
  return String(n);
}
