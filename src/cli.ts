import 'dotenv/config';
import { runCli } from './cli/runCli';

/**
 * Exits once stdout and stderr are flushed. Into a pipe (`cli leaderboard --json | jq`) node writes
 * what the pipe takes at once (64 KB) and queues the rest; process.exit() alone would drop that.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let open = 2;
  const flushed = () => {
    if (--open === 0) process.exit(code);
  };
  // Callbacks run in write order, so these run once everything written before them is out (or the
  // reader has gone: EPIPE).
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

runCli(process.argv.slice(2), process.env).then(exitWhenFlushed, (err: Error) => {
  process.stderr.write(`error: ${err.message}\n`);
  exitWhenFlushed(1);
});
