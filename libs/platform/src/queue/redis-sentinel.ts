import { AppConfig } from '../config/config.schema';

/**
 * ioredis options that find the primary through Redis Sentinel (REDIS_SENTINELS), merged into a
 * connection's options; none without sentinels. After a failover ioredis asks the sentinels again
 * and reconnects to the new primary.
 */
export function redisSentinelOptions(config: Pick<AppConfig, 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME'>): {
  sentinels?: { host: string; port: number }[];
  name?: string;
} {
  if (!config.REDIS_SENTINELS) return {};
  return {
    sentinels: config.REDIS_SENTINELS.split(',').map((entry) => {
      const at = entry.lastIndexOf(':');
      return { host: entry.slice(0, at), port: Number(entry.slice(at + 1)) };
    }),
    name: config.REDIS_SENTINEL_NAME,
  };
}
