// Benchmarks (npm run bench:notifications): real PostgreSQL (a fresh database), a private Redis
// and the compiled worker; not part of `npm test`.
const faults = require('./jest.faults.config');

module.exports = {
  ...faults,
  displayName: 'bench',
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
};
