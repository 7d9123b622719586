import {
  decodeSnapshot,
  INDICATOR_SESSION_SETTINGS,
  INDICATOR_STATEMENTS,
  NodeRefresh,
  PLATFORM_NODE,
  pruneChanges,
  QueryExecutor,
  refreshNodeIncrementally,
  refreshNodesIncrementally,
  refreshNodeSnapshots,
  SNAPSHOT_GRANULARITIES,
  SNAPSHOT_GROUPINGS,
  StoredResult,
} from '@prossimo/insights/rules';
import { Pool } from 'pg';
import { applyDayOfChanges, IndicatorScale, seedYear, SeededYear } from '../../bench/indicators/seed';

// The incremental snapshot refresh against the real database: the bench's seed at a small scale
// (fixed seed, the year 2025, so nothing depends on today; 40 organisations: the seed spreads its
// care groups over 40 offers), a full refresh, then writes, then the
// incremental refresh; the stored results must equal a full recompute and the live statements.

const SCALE: IndicatorScale = {
  citizens: 400,
  volunteers: 80,
  organisations: 40,
  needs: 4000,
  careGroups: 40,
};
const YEARS = [2025];
type Rows = Record<string, unknown>[];
type Key = string;

describe('Indicator snapshots refreshed incrementally', () => {
  let pool: Pool;
  let world: SeededYear;
  let ambito: NodeRefresh;
  const platform: NodeRefresh = { node: PLATFORM_NODE, comuni: null };
  const query: QueryExecutor = async (sql, params) => (await pool.query(sql, params)).rows as Rows;

  /** Runs `work` on one connection (as the worker does): lockNode-free, the tests run one at a time. */
  async function onClient<T>(work: (query: QueryExecutor) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      return await work(async (sql, params) => (await client.query(sql, params)).rows as Rows);
    } finally {
      client.release();
    }
  }

  /**
   * As onClient, with one more connection for the refresh to recompute results on at once (the
   * job's default INDICATOR_REFRESH_CONNECTIONS, 2).
   */
  async function onTwoClients<T>(
    work: (query: QueryExecutor, helpers: QueryExecutor[]) => Promise<T>,
  ): Promise<T> {
    const helper = await pool.connect();
    try {
      return await onClient((query) =>
        work(query, [async (sql, params) => (await helper.query(sql, params)).rows as Rows]),
      );
    } finally {
      helper.release();
    }
  }

  const full = (node: NodeRefresh) =>
    onClient(async (q) => {
      await q('BEGIN ISOLATION LEVEL REPEATABLE READ', []);
      const done = await refreshNodeSnapshots(q, node, YEARS);
      await q('COMMIT', []);
      return done;
    });
  /** The exact year rows (moved by deltas); the day-of-writes test runs the job's default path. */
  const exact = { exactYearRows: true };
  const incremental = (node: NodeRefresh) => onClient((q) => refreshNodeIncrementally(q, node, YEARS, exact));

  /** Every stored result of a node, decoded, by "granularity/byComune/byCategory/table". */
  async function stored(node: string): Promise<Map<Key, Rows>> {
    const rows = (await query(
      `SELECT granularity, by_comune, by_category, table_name, result FROM indicator_snapshots
        WHERE node = $1 AND year = 2025`,
      [node],
    )) as {
      granularity: string;
      by_comune: boolean;
      by_category: boolean;
      table_name: string;
      result: StoredResult;
    }[];
    const out = new Map<Key, Rows>();
    for (const row of rows) {
      const plan = {
        years: YEARS,
        granularity: row.granularity as 'week',
        byComune: row.by_comune,
        byCategory: row.by_category,
        periodStarts: null,
        category: null,
        dropCategory: false,
      };
      out.set(
        `${row.granularity}/${row.by_comune}/${row.by_category}/${row.table_name}`,
        decodeSnapshot([row.result], plan).map((decoded) => ({ ...decoded })),
      );
    }
    return out;
  }

  /** Every table, granularity and grouping computed live for the node's year. */
  async function live(node: NodeRefresh): Promise<Map<Key, Rows>> {
    const out = new Map<Key, Rows>();
    for (const granularity of SNAPSHOT_GRANULARITIES) {
      for (const grouping of SNAPSHOT_GROUPINGS) {
        for (const [table, build] of Object.entries(INDICATOR_STATEMENTS)) {
          const { sql, params } = build({
            comuni: node.comuni,
            from: '2025-01-01',
            to: '2025-12-31',
            category: null,
            granularity,
            ...grouping,
          });
          const rows = await onClient(async (q) => {
            await q('BEGIN', []);
            for (const setting of INDICATOR_SESSION_SETTINGS) await q(setting, []);
            const result = await q(sql, params);
            await q('COMMIT', []);
            return result;
          });
          out.set(`${granularity}/${grouping.byComune}/${grouping.byCategory}/${table}`, rows);
        }
      }
    }
    return out;
  }

  /** Floats may be summed in another order: equal within 1e-9, relatively. */
  function roundFloats(results: Map<Key, Rows>): Record<Key, Rows> {
    const out: Record<Key, Rows> = {};
    for (const [key, rows] of results) {
      out[key] = rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([column, value]) => [
            column,
            typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(10)) : value,
          ]),
        ),
      );
    }
    return out;
  }

  /** The incremental snapshot equals the live statements and a full recompute of the same node. */
  async function expectExact(node: NodeRefresh): Promise<void> {
    const incrementalResults = await stored(node.node);
    expect(incrementalResults.size).toBe(84);
    expect(roundFloats(incrementalResults)).toEqual(roundFloats(await live(node)));
    const check = { node: `${node.node}:check`, comuni: node.comuni };
    await full(check);
    expect(roundFloats(incrementalResults)).toEqual(roundFloats(await stored(check.node)));
    await query(`DELETE FROM indicator_snapshots WHERE node = $1`, [check.node]);
    await query(`DELETE FROM indicator_snapshot_watermarks WHERE node = $1`, [check.node]);
  }

  /** The keys (period, Comune, category[, reason]) of the rows that differ between two stored states. */
  function changedRows(before: Map<Key, Rows>, after: Map<Key, Rows>): Set<string> {
    const rowKey = (row: Record<string, unknown>) =>
      [row.periodStart, row.comuneIstat, row.category, row.reason ?? ''].join('|');
    const changed = new Set<string>();
    for (const [key, rows] of after) {
      const old = new Map((before.get(key) ?? []).map((row) => [rowKey(row), JSON.stringify(row)]));
      const now = new Map(rows.map((row) => [rowKey(row), JSON.stringify(row)]));
      for (const [k, v] of now) if (old.get(k) !== v) changed.add(`${key}#${k}`);
      for (const k of old.keys()) if (!now.has(k)) changed.add(`${key}#${k}`);
    }
    return changed;
  }

  beforeAll(async () => {
    const url = process.env.PROSSIMO_TEST_DATABASE_URL!;
    world = await seedYear(url, SCALE, 20251121);
    pool = new Pool({ connectionString: url, max: 4 });
    ambito = { node: world.ambitoTerritoryId, comuni: world.ambitoComuni };
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
  });

  it('declines without a watermark (the job then refreshes in full), and after a full refresh applies nothing when nothing changed', async () => {
    expect(await incremental(ambito)).toBeNull();
    await full(ambito);
    await full(platform);
    const [{ asOf }] = (await query(`SELECT min(as_of) AS "asOf" FROM indicator_snapshots WHERE node = $1`, [
      ambito.node,
    ])) as { asOf: Date }[];
    expect(await incremental(ambito)).toEqual({
      results: 0,
      statements: 0,
      rows: 0,
      changes: 0,
      msByKind: {},
    });
    // Its time moves on: the figures are as of this refresh.
    const [{ later }] = (await query(`SELECT min(as_of) AS later FROM indicator_snapshots WHERE node = $1`, [
      ambito.node,
    ])) as { later: Date }[];
    expect(later.getTime()).toBeGreaterThan(asOf.getTime());
    // Another year stored, or other Comuni: in full again.
    expect(await onClient((q) => refreshNodeIncrementally(q, ambito, [2024, 2025]))).toBeNull();
    expect(await incremental({ ...ambito, comuni: ambito.comuni!.slice(1) })).toBeNull();
  }, 120_000);

  it('a need received in one Comune in March rewrites only March, its week and the year, for that Comune and the ambito; figures equal the live statements', async () => {
    const comune = world.ambitoComuni[3];
    const [citizen] = (await query(
      `SELECT b.id AS beneficiary, b.user_id FROM beneficiaries b WHERE b.kind = 'self' ORDER BY b.id LIMIT 1`,
      [],
    )) as { beneficiary: string; user_id: string }[];
    const before = await stored(ambito.node);
    await query(
      `INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, window_start, window_end,
         details, author_user_id, beneficiary_id, opened_at, created_at, updated_at)
       SELECT gen_random_uuid(), 'citizen', 'open', 'companionship', 'Compagnia', c.istat, c.lat, c.lon,
              '2025-03-13T09:00:00Z', '2025-03-13T11:00:00Z', '{}'::jsonb, $2, $3,
              '2025-03-12T09:10:00Z', '2025-03-12T09:00:00Z', '2025-03-12T09:00:00Z'
         FROM comuni c WHERE c.istat = $1`,
      [comune, citizen.user_id, citizen.beneficiary],
    );
    const done = (await incremental(ambito))!;
    // Demand, unmatched and latent needs (by the day needs are received) are recomputed, but a
    // result is rewritten only when a figure moves: demand's 3 granularities x 4 groupings; the new
    // need (a citizen's, not given up) leaves unmatched and latent needs as they were.
    expect(done.results).toBe(12);
    const after = await stored(ambito.node);
    const changed = [...changedRows(before, after)];
    expect(changed.length).toBeGreaterThan(0);
    for (const row of changed) {
      const [, period, comuneIstat] = row.split('#')[1].match(/^([^|]*)\|([^|]*)\|/) ?? [];
      // March, the week of Wednesday 12 March (Monday the 10th), the year.
      expect(['2025-03-01', '2025-03-10', '2025-01-01']).toContain(period);
      expect(['', comune]).toContain(comuneIstat);
    }
    expect(changed).toContainEqual(
      expect.stringMatching(new RegExp(`^month/true/true/demand#2025-03-01\\|${comune}\\|companionship`)),
    );
    await expectExact(ambito);
  }, 180_000);

  it('a need moved to another Comune updates both Comuni (the old row too)', async () => {
    const [from, to] = [world.ambitoComuni[3], world.ambitoComuni[5]];
    const [need] = (await query(
      `SELECT id FROM needs WHERE comune_istat = $1 AND status = 'completed' ORDER BY created_at LIMIT 1`,
      [from],
    )) as { id: string }[];
    expect(need).toBeDefined();
    await query(`UPDATE needs SET comune_istat = $2 WHERE id = $1`, [need.id, to]);
    expect((await incremental(ambito))!.results).toBeGreaterThan(0);
    await expectExact(ambito);
  }, 180_000);

  it('a day of writes (the bench’s) leaves the ambito’s and the platform’s snapshots equal to a full recompute and the live statements', async () => {
    const applied = await applyDayOfChanges(
      process.env.PROSSIMO_TEST_DATABASE_URL!,
      SCALE,
      20251121,
      '2025-06-18',
    );
    expect(applied['needs received']).toBeGreaterThan(0);
    expect(applied['help completed']).toBeGreaterThan(0);
    expect(applied['reviews written']).toBeGreaterThan(0);
    expect(applied['care groups confirmed']).toBeGreaterThan(0);
    // Both nodes together, as the job does: the rows per Comune are recomputed once, for the union
    // of the two nodes' changes (the platform's since its older watermark, which also holds the
    // tests above), and each node keeps only its own Comuni.
    const together = await onTwoClients((q, helpers) =>
      refreshNodesIncrementally(q, [ambito, platform], YEARS, { helpers }),
    );
    for (const [index, node] of [ambito, platform].entries()) {
      const done = together[index]!;
      expect(done.changes).toBeGreaterThan(0);
      // Fewer than the 84 results a full refresh rewrites... or all of them, but never more statements.
      expect(done.results).toBeLessThanOrEqual(84);
      await expectExact(node);
    }
    // Every node's watermark now includes the log: it is emptied.
    await pruneChanges(query);
    const [{ left }] = (await query(`SELECT count(*)::int AS left FROM indicator_changes`, [])) as {
      left: number;
    }[];
    expect(left).toBe(0);
  }, 300_000);

  /** A small seeded generator (mulberry32): the same writes in every run. */
  function generator(seed: number): (below: number) => number {
    let state = seed >>> 0;
    return (below) => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
    };
  }

  const CATEGORIES = [
    'rides_and_accompaniment',
    'home_help',
    'companionship',
    'shopping_and_delivery',
    'shared_caregiver',
  ];

  /**
   * One random write (of the kinds that move the year rows: needs received, moved to another Comune,
   * category or person, their status changed, deleted; help completed, undone or moved in time,
   * across the year's start too; needs given up; reviews written, published, deleted; a volunteer
   * changing organisation). Rows are picked by a deterministic order, never by their random ids.
   */
  async function randomWrite(run: QueryExecutor, draw: (below: number) => number): Promise<string> {
    const day = (year = 2025) =>
      `${year}-${String(1 + draw(12)).padStart(2, '0')}-${String(1 + draw(28)).padStart(2, '0')}T${String(draw(24)).padStart(2, '0')}:${String(draw(60)).padStart(2, '0')}:00Z`;
    const comune = async () =>
      draw(2) === 0
        ? world.ambitoComuni[draw(world.ambitoComuni.length)]
        : (
            (await run(
              `SELECT comune_istat::text AS c FROM needs ORDER BY created_at, id OFFSET $1 LIMIT 1`,
              [draw(4000)],
            )) as { c: string }[]
          )[0].c;
    const need = async (where = 'true') =>
      (
        (await run(
          `SELECT id FROM needs WHERE ${where} ORDER BY created_at, id
          OFFSET $1 % greatest((SELECT count(*) FROM needs WHERE ${where}), 1) LIMIT 1`,
          [draw(100_000)],
        )) as { id: string }[]
      )[0]?.id;
    const engagement = async (status: string) =>
      (
        (await run(
          `SELECT e.id FROM engagements e JOIN needs n ON n.id = e.need_id WHERE e.status = $2
          ORDER BY n.created_at, e.created_at OFFSET $1 % greatest((SELECT count(*) FROM engagements WHERE status = $2), 1) LIMIT 1`,
          [draw(100_000), status],
        )) as { id: string }[]
      )[0]?.id;
    const citizen = async () =>
      (
        (await run(
          `SELECT b.id, b.user_id FROM beneficiaries b JOIN users u ON u.id = b.user_id WHERE b.kind = 'self'
          ORDER BY u.phone_e164 OFFSET $1 LIMIT 1`,
          [draw(SCALE.citizens)],
        )) as { id: string; user_id: string }[]
      )[0];
    switch (draw(14)) {
      case 0:
      case 1: {
        const created = day();
        const who = await citizen();
        const source = ['citizen', 'citizen', 'desk', 'sentinel'][draw(4)];
        await run(
          `INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, window_start, window_end,
             details, author_user_id, beneficiary_id, opened_at, created_at, updated_at)
           SELECT gen_random_uuid(), $4, $5, $3, 'Bisogno', c.istat, c.lat, c.lon,
                  $2::timestamptz + interval '1 day', $2::timestamptz + interval '1 day 2 hours', '{}'::jsonb, $6,
                  CASE WHEN $4 <> 'sentinel' THEN $7::uuid END,
                  CASE WHEN $4 <> 'sentinel' THEN $2::timestamptz + interval '5 minutes' END, $2, $2
             FROM comuni c WHERE c.istat = $1`,
          [
            await comune(),
            created,
            CATEGORIES[draw(CATEGORIES.length)],
            source,
            source === 'sentinel' ? 'submitted' : ['open', 'draft', 'rejected'][draw(3)],
            who.user_id,
            who.id,
          ],
        );
        return 'need received';
      }
      case 2:
        await run(`UPDATE needs SET comune_istat = $2 WHERE id = $1`, [await need(), await comune()]);
        return 'need moved to another Comune';
      case 3:
        await run(`UPDATE needs SET category = $2 WHERE id = $1`, [
          await need(),
          CATEGORIES[draw(CATEGORIES.length)],
        ]);
        return 'need moved to another category';
      case 4:
        await run(`UPDATE needs SET beneficiary_id = $2 WHERE id = $1`, [
          await need(`source <> 'sentinel'`),
          (await citizen()).id,
        ]);
        return 'need moved to another person';
      case 5:
        await run(`UPDATE needs SET status = $2 WHERE id = $1`, [
          await need(),
          ['open', 'rejected', 'draft', 'cancelled', 'completed'][draw(5)],
        ]);
        return 'need status changed';
      case 6: {
        const id = await need(
          `NOT EXISTS (SELECT 1 FROM engagements e WHERE e.need_id = needs.id)
           AND NOT EXISTS (SELECT 1 FROM care_group_members m WHERE m.need_id = needs.id)`,
        );
        await run(`DELETE FROM need_match_states WHERE need_id = $1`, [id]);
        await run(`DELETE FROM needs WHERE id = $1`, [id]);
        return 'need deleted';
      }
      case 7:
        await run(
          `UPDATE engagements SET status = 'completed', completed_at = $2, hours_logged = $3 WHERE id = $1`,
          [await engagement('confirmed'), day(), (1 + draw(32)) / 4],
        );
        return 'help completed';
      case 8:
        await run(`UPDATE engagements SET status = 'cancelled', completed_at = NULL WHERE id = $1`, [
          await engagement('completed'),
        ]);
        return 'help undone';
      case 9:
        // Sometimes into the year before: a person's first help moves across the year's start.
        await run(`UPDATE engagements SET completed_at = $2, hours_logged = $3 WHERE id = $1`, [
          await engagement('completed'),
          day(draw(4) === 0 ? 2024 : 2025),
          (1 + draw(32)) / 4,
        ]);
        return 'help moved in time';
      case 10:
        await run(`UPDATE need_match_states SET unmatched_reason = $2 WHERE need_id = $1`, [
          await need(`EXISTS (SELECT 1 FROM need_match_states s WHERE s.need_id = needs.id)`),
          [null, 'all_declined', 'none_available', 'no_helper_in_range'][draw(4)],
        ]);
        return 'need given up';
      case 11: {
        const [target] = (await run(
          `SELECT e.id, n.comune_istat, n.author_user_id, e.helper_user_id FROM engagements e JOIN needs n ON n.id = e.need_id
            WHERE e.status = 'completed' AND n.author_user_id <> e.helper_user_id
              AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.engagement_id = e.id AND r.author_side = 'citizen')
            ORDER BY n.created_at, e.created_at OFFSET $1 LIMIT 1`,
          [draw(200)],
        )) as { id: string; comune_istat: string; author_user_id: string; helper_user_id: string }[];
        if (!target) return 'no review to write';
        await run(
          `INSERT INTO reviews (engagement_id, comune_istat, author_user_id, author_side, subject_kind, subject_user_id,
             criteria_set, criterion1_stars, criterion2_stars, criterion3_stars, status, created_at, updated_at)
           VALUES ($1, $2, $3, 'citizen', 'volunteer', $4, 'person', $5, $6, $7, $8, $9, $9)`,
          [
            target.id,
            target.comune_istat,
            target.author_user_id,
            target.helper_user_id,
            1 + draw(5),
            1 + draw(5),
            1 + draw(5),
            draw(2) ? 'published' : 'pending',
            day(),
          ],
        );
        return 'review written';
      }
      case 12: {
        await run(
          `UPDATE reviews SET status = CASE status WHEN 'pending' THEN 'published' ELSE 'pending' END
            WHERE id = (SELECT id FROM reviews WHERE author_side = 'citizen' ORDER BY created_at, criterion1_stars
                         OFFSET $1 % greatest((SELECT count(*) FROM reviews), 1) LIMIT 1)`,
          [draw(100_000)],
        );
        return 'review published or withdrawn';
      }
      default:
        // A volunteer joins, changes or leaves an organisation (their whole year of help moves).
        await run(
          `UPDATE volunteer_profiles SET organisation_id = CASE WHEN $2 = 0 THEN NULL ELSE
             (SELECT id FROM organisations ORDER BY name, id OFFSET $2 LIMIT 1) END
            WHERE id = (SELECT v.id FROM volunteer_profiles v JOIN users u ON u.id = v.user_id
                         ORDER BY u.phone_e164 OFFSET $1 LIMIT 1)`,
          [draw(SCALE.volunteers), draw(5)],
        );
        return 'volunteer changed organisation';
    }
  }

  it('a seeded random sequence of writes (also twice to one need, and one in flight during a refresh): after every refresh both nodes equal a full recompute and the live statements', async () => {
    const draw = generator(18_015);
    const kinds = new Set<string>();
    // Run alone, the nodes have not been refreshed yet.
    for (const node of [ambito, platform]) {
      const [mark] = await query(`SELECT 1 FROM indicator_snapshot_watermarks WHERE node = $1`, [node.node]);
      if (!mark) await full(node);
    }
    for (let round = 0; round < 5; round++) {
      // Some writes one transaction each, some several in one transaction.
      for (let write = 0; write < 6; write++) kinds.add(await randomWrite(query, draw));
      await onClient(async (q) => {
        await q('BEGIN', []);
        for (let write = 0; write < 4; write++) kinds.add(await randomWrite(q, draw));
        await q('COMMIT', []);
      });
      // One need written twice in two transactions since the watermark: its image as at the
      // watermark is the first one's.
      const [twice] = (await query(
        `SELECT n.id FROM needs n JOIN engagements e ON e.need_id = n.id AND e.status = 'completed'
          ORDER BY n.created_at OFFSET $1 LIMIT 1`,
        [draw(100)],
      )) as { id: string }[];
      await query(`UPDATE needs SET comune_istat = $2 WHERE id = $1`, [
        twice.id,
        world.ambitoComuni[draw(world.ambitoComuni.length)],
      ]);
      await query(`UPDATE needs SET category = $2 WHERE id = $1`, [
        twice.id,
        CATEGORIES[draw(CATEGORIES.length)],
      ]);
      // A write in flight while the nodes are refreshed: the next refresh applies it.
      const inFlight = await pool.connect();
      try {
        await inFlight.query('BEGIN');
        await randomWrite(async (sql, params) => (await inFlight.query(sql, params)).rows as Rows, draw);
        const done = await onTwoClients((q, helpers) =>
          refreshNodesIncrementally(q, [ambito, platform], YEARS, { ...exact, helpers }),
        );
        expect(done.every((node) => node !== null)).toBe(true);
        await expectExact(ambito);
        await expectExact(platform);
        await inFlight.query('COMMIT');
      } finally {
        inFlight.release();
      }
    }
    await onTwoClients((q, helpers) =>
      refreshNodesIncrementally(q, [ambito, platform], YEARS, { ...exact, helpers }),
    );
    await expectExact(ambito);
    await expectExact(platform);
    // The sequence did exercise the kinds of writes (a failed pick returns without writing).
    expect(kinds.size).toBeGreaterThanOrEqual(10);
  }, 900_000);

  it('a full refresh on two connections reads one snapshot: what one connection stores, even with a write committed while it runs', async () => {
    const nodeNamed = (suffix: string) => ({ node: `${ambito.node}${suffix}`, comuni: ambito.comuni });
    await full(nodeNamed(':one'));
    const [need] = (await query(
      `SELECT id, category FROM needs WHERE comune_istat = $1 AND status = 'completed' ORDER BY created_at LIMIT 1`,
      [world.ambitoComuni[2]],
    )) as { id: string; category: string }[];
    expect(need).toBeDefined();
    const [main, helper] = [await pool.connect(), await pool.connect()];
    const on =
      (client: typeof main): QueryExecutor =>
      async (sql, params) =>
        (await client.query(sql, params)).rows as Rows;
    try {
      await main.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      // The refresh's snapshot is taken here; the write below commits after it, so neither
      // connection may see it (the helper reads in the exported snapshot, not its own).
      await main.query('SELECT 1');
      await query(`UPDATE needs SET category = $2 WHERE id = $1`, [
        need.id,
        CATEGORIES.find((category) => category !== need.category),
      ]);
      const done = await refreshNodeSnapshots(on(main), nodeNamed(':two'), YEARS, [on(helper)]);
      await main.query('COMMIT');
      expect(done.statements).toBe(84);
    } finally {
      main.release();
      helper.release();
    }
    expect(roundFloats(await stored(`${ambito.node}:two`))).toEqual(
      roundFloats(await stored(`${ambito.node}:one`)),
    );
    // The write did move the figures: a refresh after it differs.
    await full(nodeNamed(':after'));
    expect(roundFloats(await stored(`${ambito.node}:after`))).not.toEqual(
      roundFloats(await stored(`${ambito.node}:one`)),
    );
    for (const suffix of [':one', ':two', ':after']) {
      await query(`DELETE FROM indicator_snapshots WHERE node = $1`, [`${ambito.node}${suffix}`]);
      await query(`DELETE FROM indicator_snapshot_watermarks WHERE node = $1`, [`${ambito.node}${suffix}`]);
    }
  }, 180_000);
});
