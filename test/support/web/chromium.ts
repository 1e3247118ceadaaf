import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium driven by playwright-core (no browser download). Missing Chromium fails the
 * suite with the fix, never skips it: .ci/run installs the package.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the browser tests need Debian's chromium package (apt-get install -y chromium; .ci/run installs it)`,
    );
  }
  // launch() gives each browser a fresh temporary --user-data-dir of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Where the browser tests leave their screenshots (to look at; not compared): outside the test
 * run's own temporary folder, which is removed when the run ends.
 */
export function screenshotDir(): string {
  const parent = process.env.AC_LEAGUE_TMPDIR_PARENT ?? tmpdir();
  return process.env.WEB_SCREENSHOT_DIR ?? mkdtempSync(path.join(parent, 'league-web-screenshots-'));
}
