import 'dotenv/config';
import { loadConfigOrExit } from './config';
import { createLogger } from './logger';
import { startBot } from './bot';

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const log = createLogger(config.LOG_LEVEL);
  // A promise nobody awaited must not take the whole league down with it: log it and carry on.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled promise rejection (a bug: please report it); the bot carries on'));

  const starting = startBot(config, log);
  // Signals are handled from the first moment: a stop during start-up waits for start-up to
  // finish (catch-up ingest may already be writing), then stops cleanly.
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down: finishing the current file, flushing posts, closing the store');
    starting
      .then((bot) => bot.stop())
      .then(() => {
        log.info('stopped cleanly');
        log.flush();
        process.exit(0);
      })
      .catch((err: Error) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  await starting.catch((err: Error) => {
    log.fatal({ err }, `start-up failed: ${err.message}`);
    process.exit(1);
  });
}

void main();
