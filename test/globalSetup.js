// Every temporary file of a test run goes in one folder of its own, removed when the run ends
// (globalTeardown.js): the suites make thousands of folders (SQLite files, results folders, fake
// acServers), and a few runs used to leave gigabytes in the system's temporary folder. Test
// workers and the processes they start inherit TMPDIR, which os.tmpdir() reads.
const { chmodSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

module.exports = () => {
  // The system's own temporary folder, kept across the runs of `jest --watch` (one process).
  process.env.AC_LEAGUE_TMPDIR_PARENT ??= tmpdir();
  const dir = mkdtempSync(path.join(process.env.AC_LEAGUE_TMPDIR_PARENT, 'ac-league-tests-'));
  // Open to every user like /tmp itself: tests that run as an unprivileged user make folders in it.
  chmodSync(dir, 0o1777);
  process.env.AC_LEAGUE_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
};
