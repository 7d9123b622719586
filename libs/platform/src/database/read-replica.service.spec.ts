import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.schema';
import { ReadReplicaService } from './read-replica.service';

type State = { standby: boolean; streaming: boolean; lag: number };

/** A data source whose primary and replica pools answer which server ran the read. */
function setup(state: State | Error, replicaRead: () => Promise<unknown> = async () => [{ on: 'replica' }]) {
  const replicaPool = {
    query: jest.fn(async (query: string | { name: string }) => {
      if (typeof query === 'string') {
        if (state instanceof Error) throw state;
        return { rows: [state] };
      }
      return { rows: await replicaRead() };
    }),
  };
  const masterPool = { query: jest.fn(async () => ({ rows: [{ on: 'primary' }] })) };
  const dataSource = { driver: { master: masterPool, slaves: [replicaPool] } } as unknown as DataSource;
  const config = { DATABASE_REPLICA_URL: 'postgres://replica/db', DATABASE_REPLICA_MAX_LAG_SECONDS: 30 };
  return new ReadReplicaService(config as AppConfig, dataSource);
}

const read = (service: ReadReplicaService) => service.queryPrepared('SELECT 1', []);

describe('ReadReplicaService', () => {
  it('reads on a streaming standby within the lag limit', async () => {
    expect(await read(setup({ standby: true, streaming: true, lag: 2 }))).toEqual([{ on: 'replica' }]);
  });

  it('reads on the primary when the replica lags, stopped streaming, was promoted or does not answer', async () => {
    for (const state of [
      { standby: true, streaming: true, lag: 31 },
      { standby: true, streaming: false, lag: 0 },
      { standby: false, streaming: false, lag: 0 },
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ]) {
      expect(await read(setup(state))).toEqual([{ on: 'primary' }]);
    }
  });

  it('retries on the primary a read the replica lost its connection for, but not a wrong query', async () => {
    const lost = setup({ standby: true, streaming: true, lag: 0 }, () =>
      Promise.reject(new Error('Connection terminated unexpectedly')),
    );
    expect(await read(lost)).toEqual([{ on: 'primary' }]);
    const wrong = setup({ standby: true, streaming: true, lag: 0 }, () =>
      Promise.reject(Object.assign(new Error('syntax error'), { code: '42601' })),
    );
    await expect(read(wrong)).rejects.toThrow('syntax error');
  });
});
