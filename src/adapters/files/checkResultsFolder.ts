import { promises as fs } from 'node:fs';

/**
 * The results folder must be a readable folder. A missing default folder is created (the quick
 * start); a missing folder an admin configured is a mistake worth saying, not an empty folder
 * created where acServer never writes. Throws an error saying what to fix.
 */
export async function checkResultsFolder(dir: string, configuredBy: string | undefined): Promise<void> {
  const stat = await fs.stat(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw new Error(`cannot reach the results folder ${dir} (${err.code}): give the bot's user access to it`);
  });
  if (!stat && configuredBy) {
    throw new Error(
      `the results folder ${dir} (from ${configuredBy}) does not exist, so no results are read: fix ${configuredBy} in .env or create the folder; the bot looks again with growing waits`,
    );
  }
  if (!stat) await fs.mkdir(dir, { recursive: true });
  else if (!stat.isDirectory())
    throw new Error(`the results folder ${dir} is not a folder: fix ${configuredBy ?? 'RESULTS_DIR'} in .env`);
  await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    throw new Error(
      `cannot read the results folder ${dir} (${err.code}): give the bot's user read access to it (e.g. chmod or setfacl); the bot tries again with growing waits`,
    );
  });
}
