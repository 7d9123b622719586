import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@prossimo/platform';
import { Client } from 'pg';
import { listenToInAppNotifications } from './notification-center.repository';

type Listener = (notificationId: string) => void;

/**
 * Live in-app delivery for the GraphQL subscription. Notifications are stored by whichever
 * process caused them (api or worker) with a NOTIFY that PostgreSQL sends only on commit, so a
 * subscriber never sees a notification that was rolled back. One LISTEN connection per api process,
 * opened on the first subscription.
 */
@Injectable()
export class InAppLiveService implements OnApplicationShutdown {
  private readonly logger = new Logger(InAppLiveService.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  private client?: Promise<Client>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Calls `listener` with the id of each new in-app notification of the user; returns unsubscribe. */
  async subscribe(userId: string, listener: Listener): Promise<() => void> {
    await this.connect();
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(userId);
    };
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await (await client.catch(() => undefined))?.end().catch(() => undefined);
  }

  private connect(): Promise<Client> {
    if (!this.client) {
      this.client = (async () => {
        const client = new Client({
          connectionString: this.config.DATABASE_URL,
          application_name: 'prossimo-live',
        });
        client.on('notification', (message) => this.dispatch(message.payload));
        client.on('error', (error) => {
          // Reconnect on the next subscription; live delivery is a convenience, the list is the truth.
          this.logger.warn(`Live notifications connection lost: ${error.message}`);
          this.client = undefined;
        });
        await client.connect();
        await listenToInAppNotifications(client);
        return client;
      })();
      this.client.catch(() => (this.client = undefined));
    }
    return this.client;
  }

  private dispatch(payload: string | undefined): void {
    if (!payload) return;
    const { id, userId } = JSON.parse(payload) as { id: string; userId: string | null };
    if (!userId) return;
    for (const listener of this.listeners.get(userId) ?? []) listener(id);
  }
}

/** An async iterator fed by push(), as GraphQL subscriptions expect; return() cleans up. */
export function pushIterator<T>(onClose: () => void): AsyncIterableIterator<T> & { push(value: T): void } {
  const values: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let done = false;
  const iterator = {
    push(value: T) {
      if (done) return;
      const next = waiting.shift();
      if (next) next({ value, done: false });
      else values.push(value);
    },
    next(): Promise<IteratorResult<T>> {
      if (values.length) return Promise.resolve({ value: values.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return(): Promise<IteratorResult<T>> {
      done = true;
      onClose();
      waiting.splice(0).forEach((resolve) => resolve({ value: undefined, done: true }));
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error: unknown): Promise<IteratorResult<T>> {
      done = true;
      onClose();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator as AsyncIterableIterator<T> & { push(value: T): void };
}
