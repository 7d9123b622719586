// Fault tests (npm run test:faults): a private Redis and a worker child process that the tests
// kill and restart. Not part of `npm test`: they need a build and take a few minutes.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  displayName: 'faults',
  rootDir: __dirname,
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
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
