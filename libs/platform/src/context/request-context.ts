import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LANGUAGE, Language } from '../i18n/language';

/** What every layer may need to know about the current request, without threading it through calls. */
export interface RequestContextStore {
  requestId: string;
  language: Language;
  clientIp: string;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

export const RequestContext = {
  run<T>(store: RequestContextStore, callback: () => T): T {
    return storage.run(store, callback);
  },
  current(): RequestContextStore | undefined {
    return storage.getStore();
  },
  language(): Language {
    return storage.getStore()?.language ?? DEFAULT_LANGUAGE;
  },
};
