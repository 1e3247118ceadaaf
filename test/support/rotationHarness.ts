import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSeasonConfig } from '../../src/domain/season/seasonSchema';
import { BotState } from '../../src/app/runtime/BotState';
import { RotationService } from '../../src/app/rotation/RotationService';
import type { RotationDeps } from '../../src/app/rotation/rotateEvent';
import type { AcServerControl } from '../../src/app/rotation/acServerPorts';
import { AcServerFolder } from '../../src/adapters/acserver/AcServerFolder';
import { HttpInfoCheck } from '../../src/adapters/acserver/HttpInfoCheck';
import { readCurrentEventId, writeCurrentEvent } from '../../src/adapters/files/currentEventFile';
import { RotationJournalFile } from '../../src/adapters/files/RotationJournalFile';
import type { Clock } from '../../src/app/ports';
import type { SeasonConfig } from '../../src/domain/season/season';
import { MemoryState } from './memoryState';
import { captureLog } from './captureLog';

/**
 * A season for rotation tests: event1 at Red Bull Ring National (two cars, five slots), event2 at
 * Suzuka GP with its own sessions, event3 at Monza; one week apart from 2030-01-07 18:00 UTC.
 */
export const ROTATION_SEASON = JSON.stringify({
  timeZone: 'UTC',
  seasons: [
    {
      id: 'season1',
      name: 'Season 1',
      events: [
        {
          id: 'event1',
          name: 'Event 1',
          track: 'ks_red_bull_ring',
          layout: 'layout_national',
          start: '2030-01-07T18:00',
          cars: [
            { model: 'ks_mazda_mx5_cup', skins: ['00_official', '01_red'], slots: 3 },
            { model: 'tatuusfa1', slots: 2 },
          ],
        },
        {
          id: 'event2',
          name: 'Event 2 — Ünïcødé',
          track: 'suzuka',
          layout: 'suzukagp',
          start: '2030-01-14T18:00',
          cars: [{ model: 'ks_porsche_911_gt3_cup_2017', slots: 4 }],
          sessions: { practice: { time: 10080, isOpen: 1 } },
        },
        { id: 'event3', name: 'Event 3', track: 'monza', start: '2030-01-21T18:00', cars: ['lotus_exos_125'] },
      ],
    },
  ],
});

export const seasonConfig = () => parseSeasonConfig(ROTATION_SEASON, 'seasonConfig.json');

export interface RotationHarness {
  service: RotationService;
  deps: RotationDeps;
  folder: AcServerFolder;
  state: BotState;
  currentEventFile: string;
  currentEventText(): string | null;
  journal: RotationJournalFile;
  alerts: string[];
  lines: Array<Record<string, unknown>>;
  clock: { now(): Date; set(iso: string): void };
}

/** The real rotation wiring (files, health check, currentEvent.json, bot state) around a control. */
export function rotationHarness(
  acDir: string,
  control: AcServerControl | undefined,
  overrides: Partial<RotationDeps> = {},
  season: () => SeasonConfig = seasonConfig,
): RotationHarness {
  let now = new Date('2030-01-14T18:00:30Z');
  const clock: Clock & { set(iso: string): void } = { now: () => now, set: (iso) => void (now = new Date(iso)) };
  const { log, lines } = captureLog();
  const folder = new AcServerFolder(acDir, clock, 3);
  const state = new BotState(new MemoryState());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'data-'));
  const currentEventFile = path.join(dataDir, 'currentEvent.json');
  const journal = new RotationJournalFile(path.join(dataDir, 'rotation-journal.json'));
  const alerts: string[] = [];
  const deps: RotationDeps = {
    files: folder,
    control,
    health: [new HttpInfoCheck(async () => (await folder.read()).serverCfg)],
    healthTimeoutMs: 8000,
    kickBeforeRotate: false,
    journal,
    writeCurrentEvent: (event, at) => writeCurrentEvent(currentEventFile, event, at),
    recordRotation: (rec) => state.setLastRotation(rec),
    alertAdmins: async (m) => void alerts.push(m),
    clock,
    log,
    ...overrides,
  };
  const service = new RotationService({
    ...deps,
    season,
    readCurrentEventId: () => readCurrentEventId(currentEventFile),
  });
  const currentEventText = () => {
    try {
      return readFileSync(currentEventFile, 'utf8');
    } catch {
      return null;
    }
  };
  return { service, deps, folder, state, currentEventFile, currentEventText, journal, alerts, lines, clock };
}
