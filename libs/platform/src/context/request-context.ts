import type { Logger } from 'pino';
import { Store, storage } from 'nestjs-pino/storage';
import { DEFAULT_LANGUAGE, Language } from '../i18n/language';

/** What every layer may need to know about the current request, without threading it through calls. */
export interface RequestContextStore {
  requestId: string;
  language: Language;
  clientIp: string;
}

/**
 * The request's one AsyncLocalStorage entry: nestjs-pino's store (its `logger` is bound by the
 * logging middleware once pino-http made it) carrying our context. A second AsyncLocalStorage
 * would copy its store into every promise and timer of the request as well (about 2.7% of the
 * api's CPU in bench:api profiles), so there is only nestjs-pino's.
 */
export class RequestStore extends Store {
  constructor(readonly context: RequestContextStore) {
    // No logger until the logging middleware binds the request's; until then nestjs-pino's
    // PinoLogger falls back to the root logger, as it did outside its own store.
    super(undefined as unknown as Logger);
  }
}

function currentStore(): RequestStore | undefined {
  const store = storage.getStore();
  return store instanceof RequestStore ? store : undefined;
}

export const RequestContext = {
  run<T>(context: RequestContextStore, callback: () => T): T {
    return storage.run(new RequestStore(context), callback);
  },
  current(): RequestContextStore | undefined {
    return currentStore()?.context;
  },
  language(): Language {
    return currentStore()?.context.language ?? DEFAULT_LANGUAGE;
  },
  /** Gives the current request's store its pino-http logger (what nestjs-pino's middleware did). */
  bindLogger(logger: Logger): boolean {
    const store = currentStore();
    if (!store) return false;
    store.logger = logger;
    return true;
  },
};
