import IORedis, { Cluster, RedisOptions } from 'ioredis';
import { AppConfig } from '../config/config.schema';

type RedisTopology = Pick<
  AppConfig,
  'REDIS_URL' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME' | 'REDIS_CLUSTER_NODES'
>;

/** A single Redis (or one found through Sentinel), or a Redis Cluster: the commands are the same. */
export type RedisClient = IORedis | Cluster;

function hostPorts(list: string): { host: string; port: number }[] {
  return list.split(',').map((entry) => {
    const at = entry.lastIndexOf(':');
    return { host: entry.slice(0, at), port: Number(entry.slice(at + 1)) };
  });
}

/**
 * ioredis options that find the primary through Redis Sentinel (REDIS_SENTINELS), merged into a
 * connection's options; none without sentinels. After a failover ioredis asks the sentinels again
 * and reconnects to the new primary.
 */
function redisSentinelOptions(config: Pick<AppConfig, 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME'>): {
  sentinels?: { host: string; port: number }[];
  name?: string;
} {
  if (!config.REDIS_SENTINELS) return {};
  return { sentinels: hostPorts(config.REDIS_SENTINELS), name: config.REDIS_SENTINEL_NAME };
}

/**
 * A connection to the configured Redis: REDIS_CLUSTER_NODES (a Redis Cluster: the nodes are seeds,
 * ioredis learns the slots and follows MOVED and failovers), REDIS_SENTINELS, or REDIS_URL alone.
 * With a cluster, REDIS_URL gives only the user and password (a cluster has no database number).
 */
export function createRedisClient(
  config: RedisTopology,
  options: RedisOptions & { enableOfflineQueue: boolean },
): RedisClient {
  if (!config.REDIS_CLUSTER_NODES) {
    return new IORedis(config.REDIS_URL as string, { ...options, ...redisSentinelOptions(config) });
  }
  const url = new URL(config.REDIS_URL as string);
  const { enableOfflineQueue, keyPrefix, enableAutoPipelining, lazyConnect, ...perNode } = options;
  return new Cluster(hostPorts(config.REDIS_CLUSTER_NODES), {
    enableOfflineQueue,
    keyPrefix,
    enableAutoPipelining,
    lazyConnect,
    // A failover (a replica promoted) answers CLUSTERDOWN or TRYAGAIN for a moment: wait and retry.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    retryDelayOnTryAgain: 200,
    redisOptions: {
      ...perNode,
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
    },
  });
}

/**
 * BullMQ's key prefix for a queue. Its hash tag (the queue's name in braces) puts every key of
 * the queue in one Redis Cluster slot, as BullMQ's scripts need, while the queues spread over
 * the masters. The same layout on a single Redis, so that the code is the same everywhere.
 */
export function bullPrefix(queuePrefix: string, queueName: string): string {
  return `${queuePrefix}:{${queueName}}`;
}
