// Removes the test run's temporary folder (see globalSetup.js).
const { rmSync } = require('node:fs');

module.exports = () => {
  const dir = process.env.AC_LEAGUE_TEST_TMPDIR;
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
};
