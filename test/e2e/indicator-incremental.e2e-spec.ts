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

  const full = (node: NodeRefresh) =>
    onClient(async (q) => {
      await q('BEGIN ISOLATION LEVEL REPEATABLE READ', []);
      const done = await refreshNodeSnapshots(q, node, YEARS);
      await q('COMMIT', []);
      return done;
    });
  const incremental = (node: NodeRefresh) => onClient((q) => refreshNodeIncrementally(q, node, YEARS));

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
    pool = new Pool({ connectionString: url, max: 3 });
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
    // Demand, unmatched and latent needs (by the day needs are received): 3 granularities x 4 groupings.
    expect(done.results).toBe(36);
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
    const together = await onClient((q) => refreshNodesIncrementally(q, [ambito, platform], YEARS));
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
});
