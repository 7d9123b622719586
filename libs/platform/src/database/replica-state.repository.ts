import type { Pool } from 'pg';

const REPLICA_STATE = `SELECT pg_is_in_recovery() AS standby,
       coalesce((SELECT status = 'streaming' FROM pg_stat_wal_receiver), false) AS streaming,
       CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 1e9)
       END::float8 AS lag`;

/** Whether the replica is a standby, still streaming, and how many seconds its replay lags behind. */
export async function replicaState(
  replica: Pool,
): Promise<{ standby: boolean; streaming: boolean; lag: number }[]> {
  const result = await replica.query<{ standby: boolean; streaming: boolean; lag: number }>(REPLICA_STATE);
  return result.rows;
}
