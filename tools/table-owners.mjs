// Which library owns each table, declared once, and the SQL of one library that names another's
// tables (issue 19: no library's SQL touches another's tables). Migrations are one history, so
// ownership cannot be read from them: it is declared here and checked against their CREATE TABLEs.
// Usage: node tools/table-owners.mjs [--list] [--check | --update]
//   --list    every reference to another library's table (file:line, table, owner)
//   --check   (lint) fail if a library names more of other libraries' tables than its baseline
//   --update  write the current counts as the baseline (tools/table-owners.baseline.json)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LIBRARIES, ROOT, typeScriptFiles } from './library-boundaries.mjs';

/** Table -> the library that owns it (its repository writes it; others ask the owner). */
export const TABLE_OWNERS = {
  // platform: the outbox, seeds, the shared status history and audit trail, and the consents
  // (written by platform's consent helpers, which the lower libraries check before they write).
  outbox: 'platform',
  seed_runs: 'platform',
  status_history: 'platform',
  audit_log: 'platform',
  consents: 'platform',
  users: 'identity',
  user_roles: 'identity',
  phone_verifications: 'identity',
  sessions: 'identity',
  oidc_authorization_requests: 'identity',
  notifications: 'notifications',
  notification_preferences: 'notifications',
  sms_reply_codes: 'notifications',
  engagement_reminders: 'notifications',
  comuni: 'territory',
  territories: 'territory',
  territory_comuni: 'territory',
  moderation_settings: 'moderation',
  moderation_items: 'moderation',
  content_reports: 'moderation',
  organisations: 'directory',
  organisation_accreditations: 'directory',
  organisation_invitations: 'directory',
  service_offers: 'directory',
  offer_search_terms: 'directory',
  offer_search_words: 'directory',
  volunteer_profiles: 'community',
  availability_windows: 'community',
  volunteer_offers: 'community',
  volunteer_offer_join_requests: 'community',
  calls_to_action: 'community',
  call_answers: 'community',
  call_notifications: 'community',
  call_messages: 'community',
  beneficiaries: 'requests',
  needs: 'requests',
  user_blocks: 'matching',
  match_proposals: 'matching',
  engagements: 'matching',
  engagement_messages: 'matching',
  need_match_states: 'matching',
  care_groups: 'matching',
  care_group_members: 'matching',
  batch_assignment_runs: 'matching',
  batch_assignment_plan_rows: 'matching',
  territory_matching_settings: 'matching',
  reviews: 'reputation',
  review_replies: 'reputation',
  review_aggregates: 'reputation',
  review_reminders: 'reputation',
  // insights: the facts and indicators (need_facts is kept by triggers on requests' and matching's tables).
  need_facts: 'insights',
  indicator_snapshots: 'insights',
  indicator_changes: 'insights',
  indicator_snapshot_watermarks: 'insights',
  indicator_fact_images: 'insights',
  privacy_notices: 'privacy',
  personal_data_exports: 'privacy',
  account_erasures: 'privacy',
};

export const MIGRATIONS_DIR = join(ROOT, 'libs/platform/src/database/migrations');
export const BASELINE_FILE = join(ROOT, 'tools/table-owners.baseline.json');

/** The tables the migrations create (`CREATE TABLE [IF NOT EXISTS] name`). */
export function createdTables(migrationSources) {
  const tables = new Set();
  for (const source of migrationSources) {
    for (const [, name] of source.matchAll(
      /\bCREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)/gi,
    )) {
      tables.add(name);
    }
  }
  return tables;
}

/** What is wrong between the declared owners and the created tables (empty when they agree). */
export function ownershipProblems(owners, tables, libraries) {
  const problems = [];
  for (const table of [...tables].sort()) {
    if (!owners[table]) problems.push(`table '${table}' has no owner in TABLE_OWNERS`);
  }
  for (const [table, owner] of Object.entries(owners)) {
    if (!tables.has(table)) problems.push(`TABLE_OWNERS names '${table}', which no migration creates`);
    if (!libraries.includes(owner)) problems.push(`'${table}' is owned by unknown library '${owner}'`);
  }
  return problems;
}

/**
 * The string literals of a TypeScript source, with their offsets: quoted strings whole, template
 * literals as their text chunks between `${...}` (whose code is scanned too, for nested ones).
 * Comments are skipped. Regular-expression literals are not recognised (none in SQL files).
 */
export function stringLiterals(source) {
  const literals = [];
  const stack = [{ kind: 'code', braces: 0 }];
  let chunkStart = 0;
  let i = 0;
  while (i < source.length) {
    const top = stack.at(-1);
    const c = source[i];
    if (top.kind === 'template') {
      if (c === '\\') i += 2;
      else if (c === '`' || (c === '$' && source[i + 1] === '{')) {
        literals.push({ text: source.slice(chunkStart, i), offset: chunkStart });
        if (c === '`') {
          stack.pop();
          i += 1;
        } else {
          stack.push({ kind: 'code', braces: 0 });
          i += 2;
        }
      } else i += 1;
      continue;
    }
    if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      literals.push({ text: source.slice(i + 1, j), offset: i + 1 });
      i = j + 1;
    } else if (c === '`') {
      stack.push({ kind: 'template' });
      chunkStart = i + 1;
      i += 1;
    } else if (c === '}' && top.braces === 0 && stack.length > 1) {
      stack.pop(); // the end of a `${...}`: back in its template
      chunkStart = i + 1;
      i += 1;
    } else {
      if (c === '{') top.braces += 1;
      if (c === '}') top.braces -= 1;
      i += 1;
    }
  }
  return literals;
}

// SQL keywords (upper case, as the project writes SQL) followed by a table name; `FROM a x, b y`
// names b too (DELETE FROM is covered by FROM).
const TABLE_AFTER_KEYWORD =
  /\b(FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|USING|LOCK(?:\s+TABLE)?)\s+(?:ONLY\s+)?(\w+)/g;
const NOT_AN_ALIAS = new Set(['WHERE', 'JOIN', 'ON', 'GROUP', 'ORDER', 'LIMIT', 'FOR', 'LEFT', 'INNER']);
const MORE_FROM_ITEMS = /^(?:\s+(?:AS\s+)?(\w+))?\s*,\s*(\w+)/;

/** The tables (of `tables`) that one piece of SQL text names, with their offsets in the text. */
export function tableReferences(sql, tables) {
  const references = [];
  for (const match of sql.matchAll(TABLE_AFTER_KEYWORD)) {
    const [whole, keyword, name] = match;
    if (!tables.has(name)) continue;
    references.push({ table: name, offset: match.index + whole.length - name.length });
    if (keyword !== 'FROM') continue;
    // A comma-separated FROM list: `FROM organisations o, users u`.
    let rest = match.index + whole.length;
    for (;;) {
      const more = MORE_FROM_ITEMS.exec(sql.slice(rest));
      if (!more || (more[1] && NOT_AN_ALIAS.has(more[1])) || !tables.has(more[2])) break;
      references.push({ table: more[2], offset: rest + more[0].length - more[2].length });
      rest += more[0].length;
    }
  }
  return references;
}

/** Every table reference in a TypeScript source, with its line (1-based). */
export function referencesInSource(source, tables) {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  return stringLiterals(source).flatMap((literal) =>
    tableReferences(literal.text, tables).map((reference) => ({
      table: reference.table,
      line: lineOf(literal.offset + reference.offset),
    })),
  );
}

/** Which area's SQL a file is: its library (`identity`), or its app (`apps/api`); undefined if not scanned. */
export function areaOfFile(relativePath) {
  const parts = relativePath.split('/');
  if (parts[2] !== 'src' || !/\.ts$/.test(relativePath) || /\.(spec|d)\.ts$/.test(relativePath))
    return undefined;
  if (parts[0] === 'libs' && !relativePath.startsWith('libs/platform/src/database/migrations/'))
    return parts[1];
  if (parts[0] === 'apps' && parts[1] !== 'web') return `apps/${parts[1]}`;
  return undefined;
}

/** The references of each area to tables another library owns (an app owns none). */
export function foreignReferences(files, owners) {
  const tables = new Set(Object.keys(owners));
  const found = [];
  for (const { path, source } of files) {
    const area = areaOfFile(path);
    if (!area) continue;
    for (const { table, line } of referencesInSource(source, tables)) {
      if (owners[table] !== area) found.push({ area, owner: owners[table], table, file: path, line });
    }
  }
  return found;
}

/**
 * The database layer every repository runs its statements through (the driver's wrappers: rows,
 * prepared statements, combined statements): the only files besides repositories that call
 * `.query(` themselves.
 */
export const DATABASE_LAYER_FILES = [
  'libs/platform/src/database/queryable.ts',
  'libs/platform/src/database/prepared-query.ts',
  'libs/platform/src/database/combined-statement.ts',
];

const QUERY_CALL = /\.query\s*(?:<[^>()]*>)?\s*\(/g;

/**
 * The `.query(` calls in scanned files that are neither repositories (`*.repository.ts`) nor the
 * database layer: SQL belongs in a repository. Comment lines are passed over.
 */
export function queryCallsOutsideRepositories(files) {
  const found = [];
  for (const { path, source } of files) {
    if (!areaOfFile(path) || path.endsWith('.repository.ts') || DATABASE_LAYER_FILES.includes(path)) continue;
    source.split('\n').forEach((text, index) => {
      if (/^\s*(?:\/\/|\*|\/\*)/.test(text)) return;
      if (text.match(QUERY_CALL)) found.push({ file: path, line: index + 1 });
    });
  }
  return found;
}

/** Per area, the count of foreign references; and what grew or fell against a baseline. */
export function compareWithBaseline(counts, baseline) {
  const areas = [...new Set([...Object.keys(counts), ...Object.keys(baseline)])].sort();
  const grown = [];
  const fallen = [];
  for (const area of areas) {
    const now = counts[area] ?? 0;
    const before = baseline[area] ?? 0;
    if (now > before) grown.push({ area, before, now });
    if (now < before) fallen.push({ area, before, now });
  }
  return { grown, fallen };
}

function listSources() {
  return typeScriptFiles(['libs', 'apps'])
    .map((path) => ({ path: relative(ROOT, path).split('\\').join('/'), absolute: path }))
    .filter(({ path }) => areaOfFile(path))
    .map(({ path, absolute }) => ({ path, source: readFileSync(absolute, 'utf8') }));
}

function main(argv) {
  const migrations = readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(MIGRATIONS_DIR, name), 'utf8'));
  const problems = ownershipProblems(TABLE_OWNERS, createdTables(migrations), LIBRARIES);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`tools/table-owners.mjs: ${problem}`);
    return 1;
  }
  const files = listSources();
  const found = foreignReferences(files, TABLE_OWNERS);
  const counts = {};
  const pairs = {};
  for (const { area, owner } of found) {
    counts[area] = (counts[area] ?? 0) + 1;
    (pairs[area] ??= {})[owner] = (pairs[area][owner] ?? 0) + 1;
  }
  const misplaced = queryCallsOutsideRepositories(files);
  console.log(`tables: ${Object.keys(TABLE_OWNERS).length}, files scanned: ${files.length}`);
  console.log(`\`.query(\` outside repository files and the database layer: ${misplaced.length}`);
  for (const { file, line } of misplaced) console.log(`  ${file}:${line}`);
  console.log(`references to another library's tables: ${found.length}`);
  for (const area of Object.keys(counts).sort()) {
    const byOwner = Object.entries(pairs[area])
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([owner, n]) => `${owner} ${n}`);
    console.log(`  ${area}: ${counts[area]} (${byOwner.join(', ')})`);
    if (argv.includes('--list')) {
      for (const r of found.filter((f) => f.area === area))
        console.log(`    ${r.file}:${r.line} ${r.table} (${r.owner})`);
    }
  }
  if (argv.includes('--update')) {
    const sorted = Object.fromEntries(
      Object.keys(counts)
        .sort()
        .map((area) => [area, counts[area]]),
    );
    writeFileSync(BASELINE_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
    console.log(`baseline written: ${relative(ROOT, BASELINE_FILE)}`);
    return 0;
  }
  if (argv.includes('--check')) {
    const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8'));
    const { grown, fallen } = compareWithBaseline(counts, baseline);
    for (const { area, before, now } of grown) {
      console.error(
        `${area}: ${now} references to other libraries' tables, baseline ${before}: use the owner's ` +
          `exported fragments or service instead (\`node tools/table-owners.mjs --list\` shows them)`,
      );
    }
    if (fallen.length > 0) {
      const which = fallen.map(({ area, before, now }) => `${area} ${before} -> ${now}`).join(', ');
      console.log(
        `fewer than the baseline (${which}): lower it with \`node tools/table-owners.mjs --update\``,
      );
    }
    if (misplaced.length > 0) {
      console.error(
        'SQL belongs in a repository file (*.repository.ts): move the `.query(` calls listed above',
      );
    }
    return grown.length > 0 || misplaced.length > 0 ? 1 : 0;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
