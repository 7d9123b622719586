import { createDatabaseFromTemplate, databaseUrlFor } from './test-database';

// Each e2e file gets its own copy of the run's migrated database, so that one file's volunteers
// and organisations never answer another file's needs (matching is territory- and distance-wide).
let copies = 0;
beforeAll(async () => {
  const template = process.env.PROSSIMO_TEST_DATABASE;
  if (!template) throw new Error('PROSSIMO_TEST_DATABASE is not set: run the e2e tests through jest');
  copies += 1;
  const name = `${template}_f${process.pid}_${copies}_${Date.now().toString(36)}`;
  await createDatabaseFromTemplate(name, template);
  process.env.PROSSIMO_TEST_DATABASE_URL = databaseUrlFor(name);
});
