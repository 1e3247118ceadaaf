import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../logger';
import type { AcPluginLink } from './acPluginLink';
import type { ProcessedFile } from '../runtime/BotState';
import { kickAllCars } from './kickAllCars';
import { deadline } from '../runtime/deadline';

export interface FlusherDeps {
  link: AcPluginLink;
  /** The record the ingest keeps per results file name (BotState.processedFile). */
  processedFile: (file: string) => Promise<ProcessedFile | undefined>;
  resultsDir: string;
  /** Bound for each wait: the results file after NEXT_SESSION (again after kicking), then its ingest. */
  timeoutMs: number;
  /** Kick every driver when NEXT_SESSION brings no results file (KICK_BEFORE_ROTATE). */
  kickFallback: boolean;
  log: Logger;
  pollMs?: number;
}

export type FlushOutcome =
  | { status: 'ingested'; file: string; via: 'next-session' | 'kick-all' }
  | { status: 'no-answer' | 'no-results' | 'not-ingested'; detail: string; file?: string };

/**
 * Gets the running session's laps stored before acServer restarts: NEXT_SESSION makes acServer
 * end the session and write its results file (END_SESSION names it); then we wait until the bot
 * has ingested that file. Kick-all is the fallback when configured. Every wait is bounded; when
 * acServer does not answer the rotation goes on with a warning (live laps are already stored).
 */
export class PluginResultsFlusher {
  constructor(private readonly deps: FlusherDeps) {}

  /** For the rotation (ResultsFlusher port): throws what went wrong, so it is reported as a warning. */
  async flushResults(): Promise<void> {
    const outcome = await this.flush();
    if (outcome.status !== 'ingested') throw new Error(outcome.detail);
  }

  async flush(): Promise<FlushOutcome> {
    const { link, log, timeoutMs } = this.deps;
    if (!(await link.ping(Math.min(2000, timeoutMs)))) {
      const detail = `acServer does not answer on the ${link.description}; its running session's results file was not written (live laps are kept)`;
      log.warn(detail);
      return { status: 'no-answer', detail };
    }
    let via: 'next-session' | 'kick-all' = 'next-session';
    let written = await this.endOfSession(() => link.nextSession());
    if (!written && this.deps.kickFallback) {
      via = 'kick-all';
      log.warn({ timeoutMs }, 'NEXT_SESSION brought no results file; kicking every driver (KICK_BEFORE_ROTATE)');
      written = await this.endOfSession(() => void kickAllCars(link));
    }
    if (!written) {
      const detail = `acServer did not write a results file within ${timeoutMs} ms of ${via === 'kick-all' ? 'NEXT_SESSION and kicking everyone' : 'NEXT_SESSION'}`;
      log.warn(detail);
      return { status: 'no-results', detail };
    }
    const file = written.split(/[\\/]/).pop()!;
    if (!(await this.ingested(file))) {
      const detail = `acServer wrote ${file} but the bot had not ingested it after ${timeoutMs} ms; check RESULTS_DIR (${this.deps.resultsDir})`;
      log.warn(detail);
      return { status: 'not-ingested', detail, file };
    }
    log.info({ file, via }, 'results of the running session written and ingested');
    return { status: 'ingested', file, via };
  }

  /** Runs `trigger`, resolves with END_SESSION's path, or null after the timeout. */
  private endOfSession(trigger: () => void): Promise<string | null> {
    return new Promise((resolve) => {
      const finish = (p: string | null) => {
        clearTimeout(timer);
        off();
        resolve(p);
      };
      const timer = setTimeout(() => finish(null), this.deps.timeoutMs);
      const off = this.deps.link.onEndSession((p) => finish(p));
      trigger();
    });
  }

  /** The ingest has recorded this file with the content on disk now (any outcome counts: it was read). */
  private async ingested(file: string): Promise<boolean> {
    const timeout = deadline(this.deps.timeoutMs);
    try {
      const bytes = await readFile(path.join(this.deps.resultsDir, file)).catch(() => null);
      const hash = bytes && createHash('sha256').update(bytes).digest('hex');
      for (;;) {
        const rec = await this.deps.processedFile(file);
        if (rec && (hash === null || rec.hash === hash)) return true;
        if (timeout.passed) return false;
        await Promise.race([new Promise((r) => setTimeout(r, this.deps.pollMs ?? 50)), timeout.reached]);
      }
    } finally {
      timeout.clear();
    }
  }
}
