/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setupEnv.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // cookie 2 (used by Fastify's inject) ships ES modules only: Node 20 loads them, Jest needs CommonJS.
    '/node_modules/cookie/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
  // Integration tests start real servers (SQLite files, dynalite, DynamoDB Local, fake Discord).
  testTimeout: 30000,
  maxWorkers: 2,
};
