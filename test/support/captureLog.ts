import { createLogger, type Logger } from '../../src/logger';

/** A debug logger whose lines (parsed JSON) land in `lines`, for asserting what an admin would read. */
export function captureLog(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger('debug', {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  return { log, lines };
}
