import 'dotenv/config';
import { loadConfigOrExit } from './config';
import { createConsoleLogger } from './logger';
import { startBot, type RunningBot } from './wiring';

/**
 * Exit code for a setting only an admin can fix (a refused DISCORD_TOKEN): the systemd unit's
 * RestartPreventExitStatus=78 keeps it from restarting in a loop, and the unit shows as failed.
 */
export const EXIT_NEEDS_ADMIN = 78;

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const log = createConsoleLogger(config.LOG_LEVEL, 1);
  // A promise nobody awaited must not take the whole league down with it: log it and carry on.
  process.on('unhandledRejection', (err) =>
    log.error({ err }, 'unhandled promise rejection (a bug: please report it); the bot carries on'),
  );

  // Signals are handled from the first moment: a stop during start-up waits for start-up to
  // finish (catch-up ingest may already be writing), then stops cleanly.
  // eslint-disable-next-line prefer-const -- onFatal may call shutdown before startBot returns: a const would throw there
  let starting: Promise<RunningBot> | undefined;
  let stopping = false;
  const shutdown = (why: Record<string, unknown>, code: number) => {
    if (stopping) return;
    stopping = true;
    if (code === 0) log.info(why, 'shutting down: finishing the current file, flushing posts, closing the store');
    (starting ?? Promise.reject(new Error('not started')))
      .then((bot) => bot.stop())
      .then(() => {
        log.info({ exitCode: code }, code === 0 ? 'stopped cleanly' : 'stopped');
        log.flush();
        process.exit(code);
      })
      .catch((err: Error) => {
        log.error({ err }, 'error while stopping');
        process.exit(code || 1);
      });
  };
  process.once('SIGINT', () => shutdown({ signal: 'SIGINT' }, 0));
  process.once('SIGTERM', () => shutdown({ signal: 'SIGTERM' }, 0));

  starting = startBot(config, log, {
    onFatal: (err) => {
      log.fatal(`${err.message}. Stopping (exit code ${EXIT_NEEDS_ADMIN}).`);
      shutdown({}, EXIT_NEEDS_ADMIN);
    },
  });
  await starting.catch((err: Error) => {
    log.fatal({ err }, `start-up failed: ${err.message}`);
    process.exit(1);
  });
}

void main();
