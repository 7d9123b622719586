// Four projects: fast unit tests beside the code, services on a real database (the middle tier),
// end-to-end tests that boot the real api and worker against PostgreSQL and Redis (run one file at
// a time), and browser tests on top of them.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

// ESM-only packages, turned into CommonJS for Jest (which loads ES modules only behind a Node flag);
// the built app imports them natively (dynamic import() from CommonJS).
const ESM_PACKAGES = ['jose', 'openid-client', 'oauth4webapi', 'oidc-provider'];

const common = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  // A global option: per-project values are ignored.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/per-file-database.ts'],
    },
    // The middle tier: a library's services with real repositories on PostgreSQL, no api or worker.
    {
      ...common,
      displayName: 'service',
      testMatch: ['<rootDir>/test/service/**/*.service-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/per-file-database.ts'],
    },
    // Browser journeys (Chromium + axe) against the e2e stack serving dist/web: `npm run build` first.
    {
      ...common,
      displayName: 'web',
      testMatch: ['<rootDir>/test/web/**/*.web-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/per-file-database.ts'],
    },
  ],
};
