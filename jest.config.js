// The suites over real acServer files (test/real/) need those files beside the project; a fresh
// clone has none, so there they are left out with one line saying so. CI sets
// REAL_FIXTURES=required, which turns their absence into an error instead.
const { realFixturesMissing } = require('tsx/cjs/api').require('./test/support/fixtures.ts', __filename);

const missing = realFixturesMissing();
if (missing) {
  if (process.env.REAL_FIXTURES === 'required') throw new Error(`REAL_FIXTURES=required: ${missing}`);
  console.warn(`jest: test/real/ left out (${missing})`);
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(missing ? ['<rootDir>/test/real/'] : [])],
  setupFiles: ['<rootDir>/test/setupEnv.ts'],
  // One temporary folder per run, removed at its end.
  globalSetup: '<rootDir>/test/globalSetup.js',
  globalTeardown: '<rootDir>/test/globalTeardown.js',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // cookie 2 (used by Fastify's inject) ships ES modules only: Node 20 loads them, Jest needs CommonJS.
    '/node_modules/cookie/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
  // Integration tests start real servers (SQLite files, dynalite, DynamoDB Local, fake Discord).
  testTimeout: 30000,
  maxWorkers: 2,
};
