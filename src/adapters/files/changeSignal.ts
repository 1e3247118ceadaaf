import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeJsonAtomic } from './atomicWrite';

/**
 * The CLI runs in its own process: after it stores laps it writes this file, and a running bot
 * (which watches it) re-reads those events and updates leaderboards, files and posts.
 */
export function changeSignalPath(dataDir: string): string {
  return path.join(dataDir, 'cli-changes.json');
}

export async function signalChangedEvents(dataDir: string, eventIds: readonly string[], at: Date): Promise<void> {
  if (eventIds.length > 0)
    await writeJsonAtomic(changeSignalPath(dataDir), { eventIds: [...new Set(eventIds)], at: at.toISOString() });
}

export async function readChangedEvents(dataDir: string): Promise<string[]> {
  try {
    const v = JSON.parse(await fs.readFile(changeSignalPath(dataDir), 'utf8')) as { eventIds?: unknown };
    return Array.isArray(v.eventIds) ? v.eventIds.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
