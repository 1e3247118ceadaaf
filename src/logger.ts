import { isatty } from 'node:tty';
import pino, { type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

export type { Logger };

/** Paths pino replaces with [redacted] wherever they appear in a log line. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'secretAccessKey',
  '*.secretAccessKey',
  'accessKeyId',
  '*.accessKeyId',
  'password',
  '*.password',
  'adminPassword',
  '*.adminPassword',
];

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'ac-league-bot' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError },
    },
    destination ?? pino.destination(1),
  );
}

/**
 * The bot's and the CLI's logger on stdout (1) or stderr (2): readable lines when that is a
 * terminal, JSON lines otherwise (journald, files, pipes), which log tools read.
 */
export function createConsoleLogger(level: string, fd: 1 | 2, terminal = isatty(fd)): Logger {
  const pretty = terminal ? prettyStream(fd) : undefined;
  return createLogger(level, pretty ?? pino.destination(fd));
}

/** pino-pretty in this process (synchronous, so no line is lost at exit); undefined if it cannot load. */
function prettyStream(fd: 1 | 2): pino.DestinationStream | undefined {
  try {
    // Loaded only for a terminal: a service writing JSON never pays for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pinoPretty = require('pino-pretty') as typeof PinoPretty;
    return pinoPretty({
      destination: fd,
      sync: true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,app',
    });
  } catch {
    return undefined;
  }
}

/**
 * Errors without the request they came from: a Discord error carries the request body, which
 * holds the token-free but large chart PNG (a 60 KB image would become a 120 KB log line).
 */
function serializeError(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (out && typeof out === 'object') {
    delete out.requestBody;
    delete out.rawError;
  }
  return out;
}

/** A logger that drops everything; for tests and benchmarks. */
export const silentLogger: Logger = pino({ level: 'silent' });
