// Removes the test run's temporary folder (see globalSetup.js); a folder that cannot be removed
// (a child process still writing, a folder an interrupted test left unreadable) is only reported.
const { rmSync } = require('node:fs');

module.exports = () => {
  const dir = process.env.AC_LEAGUE_TEST_TMPDIR;
  if (!dir) return;
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (err) {
    console.warn(`could not remove the test run's temporary folder ${dir}: ${err.message}`);
  }
  process.env.TMPDIR = process.env.AC_LEAGUE_TMPDIR_PARENT;
  delete process.env.AC_LEAGUE_TEST_TMPDIR;
};
