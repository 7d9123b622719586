// Fault tests (npm run test:faults): a private Redis and a worker child process that the tests
// kill and restart. Not part of `npm test` (they need a build and take a few minutes); .ci/run runs
// them after it.
// The same transforms as the other projects (TypeScript, the ESM-only packages): jest.config.js.
const [unit] = require('./jest.config.js').projects;

module.exports = {
  displayName: 'faults',
  rootDir: __dirname,
  moduleFileExtensions: unit.moduleFileExtensions,
  transform: unit.transform,
  transformIgnorePatterns: unit.transformIgnorePatterns,
  moduleNameMapper: unit.moduleNameMapper,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 600000,
  // These tests kill servers: a client left reconnecting to one that is gone (a library's timer,
  // a blocking command a dead Cluster node never answers) must not hold the run once the tests and
  // the global teardown are done. Each file's own teardown is bounded as well.
  forceExit: true,
};
