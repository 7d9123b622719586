// The scanner of tools/table-owners.mjs (run by `node --test tools/`, in `npm run test:unit`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  areaOfFile,
  compareWithBaseline,
  createdTables,
  foreignReferences,
  ownershipProblems,
  queryCallsOutsideRepositories,
  referencesInSource,
  stringLiterals,
} from './table-owners.mjs';

const TABLES = new Set(['users', 'user_roles', 'needs', 'comuni']);
const tablesIn = (source) => referencesInSource(source, TABLES).map((r) => `${r.line}:${r.table}`);

test('string literals: quoted strings, template chunks around ${...}, nested templates; not comments', () => {
  const source = [
    "const a = 'one'; // 'not this'",
    '/* "nor this" */ const b = "two";',
    'const c = `three ${x ? `four ${y}` : "five"} six`;',
  ].join('\n');
  assert.deepEqual(
    stringLiterals(source).map((l) => l.text),
    ['one', 'two', 'three ', 'four ', '', 'five', ' six'],
  );
});

test('a brace inside ${...} does not end the expression', () => {
  const source = 'q(`SELECT 1 ${f({ a: 1 })} FROM users`)';
  assert.deepEqual(tablesIn(source), ['1:users']);
});

test('tables after SQL keywords, with their lines', () => {
  const source = [
    'await m.query(`',
    '  SELECT u.id FROM users u',
    '  JOIN user_roles r ON r.user_id = u.id',
    '  WHERE EXISTS (SELECT 1 FROM ONLY needs n WHERE n.id = $1)`);',
    "await m.query('UPDATE comuni SET name = $1');",
    "await m.query('INSERT INTO needs (id) VALUES ($1)');",
    "await m.query('DELETE FROM users WHERE id = $1');",
    "await m.query('LOCK TABLE needs IN SHARE MODE');",
  ].join('\n');
  assert.deepEqual(tablesIn(source), [
    '2:users',
    '3:user_roles',
    '4:needs',
    '5:comuni',
    '6:needs',
    '7:users',
    '8:needs',
  ]);
});

test('a comma-separated FROM list names every table, aliased or not', () => {
  assert.deepEqual(tablesIn("q('SELECT 1 FROM comuni c, users u, needs WHERE c.id = 1')"), [
    '1:comuni',
    '1:users',
    '1:needs',
  ]);
  assert.deepEqual(tablesIn("q('SELECT 1 FROM comuni c WHERE a IN (1, 2)')"), ['1:comuni']);
});

test('no false positives: code, comments, lower-case prose, columns, other words', () => {
  const source = [
    '// SELECT * FROM users: a comment',
    'const users = await this.users.find(); // from users',
    "const message = 'Read from users and needs';",
    "q('SELECT users_count, needs_total FROM totals WHERE comune = $1')",
    "q('SELECT EXTRACT(EPOCH FROM created_at) FROM needs_archive')",
    "q('SELECT 1 FROM usersx JOIN xusers ON true')",
    "q('ORDER BY id FOR UPDATE OF n')",
  ].join('\n');
  assert.deepEqual(tablesIn(source), []);
});

test('areas: libraries and server apps; migrations, specs and the web app are not scanned', () => {
  assert.equal(areaOfFile('libs/requests/src/needs.repository.ts'), 'requests');
  assert.equal(areaOfFile('apps/api/src/warm-up.ts'), 'apps/api');
  assert.equal(areaOfFile('libs/platform/src/database/migrations/1-Foundation.ts'), undefined);
  assert.equal(areaOfFile('libs/requests/src/needs.spec.ts'), undefined);
  assert.equal(areaOfFile('apps/web/src/main.ts'), undefined);
  assert.equal(areaOfFile('test/e2e/needs.e2e-spec.ts'), undefined);
  assert.equal(areaOfFile('libs/requests/README.md'), undefined);
});

test('foreign references: only tables another library owns; an app owns none', () => {
  const owners = { users: 'identity', needs: 'requests' };
  const files = [
    { path: 'libs/requests/src/a.repository.ts', source: "q('SELECT 1 FROM needs JOIN users ON true')" },
    { path: 'libs/identity/src/b.repository.ts', source: "q('SELECT 1 FROM users')" },
    { path: 'apps/api/src/warm-up.ts', source: "q('SELECT 1 FROM users')" },
  ];
  assert.deepEqual(
    foreignReferences(files, owners).map((r) => `${r.area}->${r.owner}:${r.table}@${r.line}`),
    ['requests->identity:users@1', 'apps/api->identity:users@1'],
  );
});

test('ownership checked against the CREATE TABLEs of the migrations', () => {
  const tables = createdTables([
    'await db.query(`CREATE TABLE users (id uuid)`); await db.query(`create table if not exists needs ()`);',
  ]);
  assert.deepEqual([...tables], ['users', 'needs']);
  assert.deepEqual(
    ownershipProblems({ users: 'identity', needs: 'requests' }, tables, ['identity', 'requests']),
    [],
  );
  const libraries = ['identity', 'requests'];
  assert.deepEqual(ownershipProblems({ users: 'identity', needs: 'requests' }, tables, libraries), []);
  assert.deepEqual(ownershipProblems({ users: 'identity' }, tables, libraries), [
    "table 'needs' has no owner in TABLE_OWNERS",
  ]);
  assert.deepEqual(
    ownershipProblems({ users: 'identity', needs: 'nobody', ghosts: 'requests' }, tables, libraries),
    [
      "'needs' is owned by unknown library 'nobody'",
      "TABLE_OWNERS names 'ghosts', which no migration creates",
    ],
  );
});

test('the ratchet: growth and falls against the baseline, per area', () => {
  assert.deepEqual(
    compareWithBaseline({ requests: 3, matching: 5, privacy: 1 }, { requests: 3, matching: 6 }),
    {
      grown: [{ area: 'privacy', before: 0, now: 1 }],
      fallen: [{ area: 'matching', before: 6, now: 5 }],
    },
  );
});

test('.query( only in repository files and the database layer', () => {
  const files = [
    { path: 'libs/requests/src/needs/needs.repository.ts', source: 'db.query(`SELECT 1`)' },
    { path: 'libs/platform/src/database/queryable.ts', source: 'const rows = await db.query(sql, params);' },
    {
      path: 'libs/requests/src/needs/needs.service.ts',
      source: 'const a = 1;\n  await manager.query<Row[]>(`SELECT 1`);',
    },
    { path: 'libs/requests/src/needs/needs.service.spec.ts', source: 'db.query(`SELECT 1`)' },
    { path: 'apps/api/src/warm-up.ts', source: '// a comment naming manager.query(\n x.queryPrepared(1)' },
    { path: 'apps/worker/src/main.ts', source: 'await dataSource.query (`SELECT 1`)' },
  ];
  assert.deepEqual(queryCallsOutsideRepositories(files), [
    { file: 'libs/requests/src/needs/needs.service.ts', line: 2 },
    { file: 'apps/worker/src/main.ts', line: 1 },
  ]);
});
