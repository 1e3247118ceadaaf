import { promises as fs } from 'node:fs';
import { writeJsonAtomic } from './atomicWrite';
import type { EventConfig } from '../../domain/season/season';

/** The shape written to currentEvent.json (read back leniently: old tools wrote other shapes). */
export interface CurrentEventFile {
  eventId: string;
  name: string;
  track: string;
  layout: string;
  cars: string[];
  start: string;
  rotatedAt: string;
}

/** currentEvent.json exists but cannot be read as an event: say so rather than guess "no event". */
export class CurrentEventFileError extends Error {}

/**
 * eventId from currentEvent.json; null when the file does not exist. A file that is there but
 * unreadable (a hand edit with a syntax error) throws CurrentEventFileError: callers must not
 * take it for "no event" (the rotation would restart acServer mid-session).
 */
export async function readCurrentEventId(file: string): Promise<string | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const id = parseCurrentEventId(text);
  if (id === null) {
    throw new CurrentEventFileError(
      `${file} holds no event id (expected {"eventId": "season1#event2", ...}); fix or delete the file`,
    );
  }
  return id;
}

export function parseCurrentEventId(text: string): string | null {
  try {
    const v: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof v === 'string') return v || null;
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of ['eventId', 'id', 'event']) if (typeof o[k] === 'string' && o[k]) return o[k];
    }
    return null;
  } catch {
    return null;
  }
}

export async function writeCurrentEvent(file: string, event: EventConfig, now: Date): Promise<CurrentEventFile> {
  const body: CurrentEventFile = {
    eventId: event.id,
    name: event.name,
    track: event.track,
    layout: event.layout,
    cars: event.cars.map((c) => c.model),
    start: event.start,
    rotatedAt: now.toISOString(),
  };
  await writeJsonAtomic(file, body);
  return body;
}
