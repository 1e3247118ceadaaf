import { readFileSync } from 'node:fs';
import path from 'node:path';

// Reads the two cfg files the way acServer does, with its own tiny parser (not the bot's), so a
// rendering bug in the bot cannot hide behind the same bug here.

export type IniSections = Record<string, Record<string, string>>;

export function readIni(text: string): IniSections {
  const out: IniSections = {};
  let section: Record<string, string> | undefined;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = out[header[1]!.trim()] ??= {};
    else if (section && line.includes('=') && !/^[;#]/.test(line)) {
      const i = line.indexOf('=');
      section[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return out;
}

export interface LoadedConfig {
  name: string;
  track: string;
  layout: string;
  cars: string[];
  maxClients: number;
  httpPort: number;
  sessions: string[];
  entryList: Array<{ model: string; skin: string; guid: string }>;
}

/** Throws with acServer-like messages when a file is missing or inconsistent. */
export function loadConfig(dir: string): LoadedConfig {
  const server = readIni(readFileSync(path.join(dir, 'cfg', 'server_cfg.ini'), 'utf8'));
  const entries = readIni(readFileSync(path.join(dir, 'cfg', 'entry_list.ini'), 'utf8'));
  const s = server.SERVER;
  if (!s?.TRACK) throw new Error('server_cfg.ini: [SERVER] TRACK missing');
  const cars = (s.CARS ?? '').split(';').filter(Boolean);
  const entryList = Object.keys(entries)
    .filter((k) => /^CAR_\d+$/.test(k))
    .map((k) => ({ model: entries[k]?.MODEL ?? '', skin: entries[k]?.SKIN ?? '', guid: entries[k]?.GUID ?? '' }));
  for (const e of entryList) {
    if (!cars.includes(e.model)) throw new Error(`entry_list.ini: car ${e.model} is not in CARS=${s.CARS}`);
  }
  // Reported, not checked: the manager-lf config has MAX_CLIENTS=0 beside three slots.
  const maxClients = Number(s.MAX_CLIENTS ?? 0);
  return {
    name: s.NAME ?? '',
    track: s.TRACK,
    layout: s.CONFIG_TRACK ?? '',
    cars,
    maxClients,
    httpPort: Number(s.HTTP_PORT ?? 0),
    sessions: ['BOOK', 'PRACTICE', 'QUALIFY', 'RACE'].filter((n) => server[n] !== undefined),
    entryList,
  };
}
