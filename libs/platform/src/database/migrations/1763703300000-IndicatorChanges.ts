import { MigrationInterface, QueryRunner } from 'typeorm';

const TZ = 'Europe/Rome';
/** The local day an instant falls on: every indicator bucket (week, month, year) is whole local days. */
const day = (column: string) => `(${column} AT TIME ZONE '${TZ}')::date`;

/** The need_facts columns each family of tables reads, and the instant its rows are bucketed by. */
const FAMILIES = [
  {
    family: 'received',
    at: 'created_at',
    served: false,
    columns: [
      'created_at',
      'comune_istat',
      'category',
      'source',
      'status',
      'person',
      'opened_at',
      'first_engaged_at',
      'unmatched_reason',
      'served',
    ],
  },
  {
    family: 'completed',
    at: 'completed_at',
    served: true,
    columns: ['served', 'completed_at', 'comune_istat', 'category', 'person'],
  },
  {
    family: 'helped',
    at: 'completed_at',
    served: true,
    columns: [
      'served',
      'completed_at',
      'comune_istat',
      'category',
      'person',
      'helper_user_id',
      'organisation_id',
      'hours_logged',
      'ride_km',
    ],
  },
];

/**
 * What the incremental snapshot refresh (libs/insights/src/snapshots/indicator-snapshot-changes.ts) needs to
 * know: which indicator rows a write may have changed. Statement-level triggers on need_facts,
 * reviews, care_groups and care_group_members log, for the old and the new image of every row a
 * statement touched, the local day, Comune and category the row is counted under, per family of
 * tables (by the day a need was received, help was completed, a review written, a group
 * confirmed). Old images matter: a need moved to another Comune changes the old Comune's rows too.
 *
 * Each entry carries its writer's transaction id (xid8). A refresh stores the snapshot it read the
 * log under (indicator_snapshot_watermarks), and the next one takes the entries visible in its own
 * snapshot and not in the stored one: exactly the transactions committed in between, whatever
 * order their ids were assigned in (a bigserial watermark would skip a transaction that took its
 * id before the last refresh and committed after it).
 *
 * 'first' entries are for reach's "new people": when a statement moves a person's first completed
 * help anywhere, the days of the old and the new first help and the person are logged, and the
 * refresh recomputes the rows that person is in, in those days' buckets.
 */
export class IndicatorChanges1763703300000 implements MigrationInterface {
  name = 'IndicatorChanges1763703300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE indicator_changes (
        id bigserial PRIMARY KEY,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        family text NOT NULL CHECK (family IN ('received', 'completed', 'helped', 'first', 'reviewed', 'confirmed')),
        day date NOT NULL,
        -- Null for 'first' entries (the person's rows are looked up); a null category means any.
        comune_istat char(6),
        category text,
        person uuid
      )`);
    await db.query(`
      CREATE TABLE indicator_snapshot_watermarks (
        node text PRIMARY KEY,
        years int[] NOT NULL,
        comuni_digest text,
        -- The snapshot the node's stored results include every change of.
        snapshot pg_snapshot NOT NULL,
        as_of timestamptz NOT NULL
      )`);

    // need_facts: the old and new images of a statement (INSERT, UPDATE, DELETE: one trigger each,
    // since transition tables allow one event per trigger).
    const needFacts = (oldRows: string, newRows: string) => `
      BEGIN
        -- Only images whose columns that family reads changed (an update of the volunteer's
        -- organisation moves activity rows, not demand or reach ones): an image is logged unless
        -- the other side has the same need with the same values.
        INSERT INTO indicator_changes (family, day, comune_istat, category)
        SELECT DISTINCT f.family, f.day, f.comune_istat, f.category FROM (${FAMILIES.flatMap(
          ({ family, at, columns, served }) =>
            [
              [oldRows, newRows],
              [newRows, oldRows],
            ].map(
              // EXCEPT (hashed), not NOT EXISTS with a row comparison: the planner joined the
              // transition tables by nested loops, quadratic for a bulk statement.
              ([side, other]) => `
          SELECT '${family}' AS family, ${day(at)} AS day, comune_istat, category FROM (
            SELECT need_id, ${columns.join(', ')} FROM ${side} a ${served ? 'WHERE served' : ''}
            EXCEPT SELECT need_id, ${columns.join(', ')} FROM ${other} b ${served ? 'WHERE served' : ''}) c`,
            ),
        ).join(' UNION ALL ')}
        ) f
        -- A served row without its completion time is in no day's bucket (the indicators filter
        -- by that day), so there is nothing to recompute for it.
        WHERE f.day IS NOT NULL;
        -- A person whose first completed help moved (before: the rows as they were before this
        -- statement; after: as they are now). Set-based (joins, an anti-join): a bulk statement
        -- touches 100,000s of rows, and a subquery per person over the transition table would be
        -- quadratic.
        WITH persons AS (
          SELECT person FROM ${oldRows} o WHERE served UNION SELECT person FROM ${newRows} n WHERE served),
        helped AS (
          SELECT f.person, f.need_id, f.completed_at FROM need_facts f JOIN persons p ON p.person = f.person
           WHERE f.served),
        after AS (SELECT person, min(completed_at) AS at FROM helped GROUP BY person),
        before AS (
          SELECT person, min(at) AS at FROM (
            SELECT s.person, s.completed_at AS at FROM helped s
             WHERE NOT EXISTS (SELECT 1 FROM ${newRows} n WHERE n.need_id = s.need_id)
            UNION ALL SELECT o.person, o.completed_at FROM ${oldRows} o WHERE o.served) b
           GROUP BY person)
        INSERT INTO indicator_changes (family, day, person)
        SELECT DISTINCT 'first', ${day('x.at')}, p.person
          FROM persons p LEFT JOIN before b ON b.person = p.person LEFT JOIN after a ON a.person = p.person
         CROSS JOIN LATERAL (VALUES (b.at), (a.at)) x(at)
         WHERE b.at IS DISTINCT FROM a.at AND x.at IS NOT NULL;
        RETURN NULL;
      END`;
    const none = `(SELECT * FROM need_facts WHERE false)`;
    await db.query(`
      CREATE FUNCTION indicator_changes_from_need_facts_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
      ${needFacts(none, 'new_rows')} $fn$`);
    await db.query(`
      CREATE FUNCTION indicator_changes_from_need_facts_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
      ${needFacts('old_rows', none)} $fn$`);
    // An update also moves the need's reviews (satisfaction is counted under the need's Comune and
    // category) and, when the person changes, its care groups' households.
    await db.query(`
      CREATE FUNCTION indicator_changes_from_need_facts_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
      ${needFacts('old_rows', 'new_rows').replace(
        'RETURN NULL;',
        `INSERT INTO indicator_changes (family, day, comune_istat, category)
         SELECT DISTINCT 'reviewed', ${day('r.created_at')}, side.comune_istat, side.category
           FROM old_rows o JOIN new_rows n ON n.need_id = o.need_id
           JOIN engagements e ON e.need_id = n.need_id
           JOIN reviews r ON r.engagement_id = e.id AND r.author_side = 'citizen'
           CROSS JOIN LATERAL (VALUES (o.comune_istat, o.category), (n.comune_istat, n.category)) side(comune_istat, category)
          WHERE (o.comune_istat, o.category) IS DISTINCT FROM (n.comune_istat, n.category);
         INSERT INTO indicator_changes (family, day, comune_istat, category)
         SELECT DISTINCT 'confirmed', ${day('g.confirmed_at')}, g.comune_istat, 'shared_caregiver'
           FROM old_rows o JOIN new_rows n ON n.need_id = o.need_id
           JOIN care_group_members m ON m.need_id = n.need_id
           JOIN care_groups g ON g.id = m.group_id AND g.confirmed_at IS NOT NULL
          WHERE o.person IS DISTINCT FROM n.person;
         RETURN NULL;`,
      )} $fn$`);

    // Citizens' reviews, under their need's Comune and category (the review's own Comune and any
    // category when the need is gone: it is being deleted with it).
    const reviews = (rows: string) => `
      INSERT INTO indicator_changes (family, day, comune_istat, category)
      SELECT DISTINCT 'reviewed', ${day('r.created_at')}, coalesce(f.comune_istat, r.comune_istat), f.category
        FROM ${rows} r LEFT JOIN engagements e ON e.id = r.engagement_id LEFT JOIN need_facts f ON f.need_id = e.need_id
       WHERE r.author_side = 'citizen';`;
    // Care groups, by the day they were confirmed.
    const groups = (rows: string) => `
      INSERT INTO indicator_changes (family, day, comune_istat, category)
      SELECT DISTINCT 'confirmed', ${day('g.confirmed_at')}, g.comune_istat, 'shared_caregiver'
        FROM ${rows} g WHERE g.confirmed_at IS NOT NULL;`;
    const members = (rows: string) =>
      groups(`(SELECT g.* FROM care_groups g WHERE g.id IN (SELECT group_id FROM ${rows} m))`);
    for (const [table, log] of [
      ['reviews', reviews],
      ['care_groups', groups],
      ['care_group_members', members],
    ] as const) {
      for (const [event, referencing, body] of [
        ['insert', 'NEW TABLE AS new_rows', log('new_rows')],
        ['delete', 'OLD TABLE AS old_rows', log('old_rows')],
        ['update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows', log('old_rows') + log('new_rows')],
      ]) {
        await db.query(`
          CREATE FUNCTION indicator_changes_from_${table}_${event}() RETURNS trigger LANGUAGE plpgsql AS $fn$
          BEGIN ${body} RETURN NULL; END $fn$`);
        await db.query(`
          CREATE TRIGGER indicator_changes_from_${table}_${event} AFTER ${event.toUpperCase()} ON ${table}
            REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION indicator_changes_from_${table}_${event}()`);
      }
    }
    for (const [event, referencing] of [
      ['insert', 'NEW TABLE AS new_rows'],
      ['delete', 'OLD TABLE AS old_rows'],
      ['update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ]) {
      await db.query(`
        CREATE TRIGGER indicator_changes_from_need_facts_${event} AFTER ${event.toUpperCase()} ON need_facts
          REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION indicator_changes_from_need_facts_${event}()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['need_facts', 'reviews', 'care_groups', 'care_group_members']) {
      for (const event of ['insert', 'update', 'delete']) {
        await db.query(`DROP TRIGGER IF EXISTS indicator_changes_from_${table}_${event} ON ${table}`);
        await db.query(`DROP FUNCTION IF EXISTS indicator_changes_from_${table}_${event}()`);
      }
    }
    await db.query(`DROP TABLE indicator_snapshot_watermarks`);
    await db.query(`DROP TABLE indicator_changes`);
  }
}
