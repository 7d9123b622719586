import { useCallback, useState } from 'react';
import { messageOf, problemsOf } from '../../api/errors';
import { useTranslation } from '../../i18n';
import type { Status } from '../../layout/ActionStatus';

export { ActionStatus, type Status } from '../../layout/ActionStatus';
export { MoreOf } from '../../layout/ShowMore';
export { QueryState } from '../fields';

/**
 * The outcome of a one-click action (accept, revoke, pause): what happened, or the api's reason
 * in words (`ownMessages`: the page's key of messages by code), shown in a live region so that a screen reader hears it where the button was.
 */
export function useActionStatus(ownMessages = 'ets.errors') {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const done = useCallback((text: string) => setStatus({ kind: 'success', text }), []);
  const failed = useCallback(
    (error: unknown) =>
      setStatus({
        kind: 'danger',
        text: problemsOf(error)
          .map((problem) => {
            // Our words first (the page's own, then the console's), else the app's or the api's.
            const own = [`${ownMessages}.${problem.code}`, `console.apiErrors.${problem.code}`].find((key) =>
              i18n.exists(key),
            );
            return own
              ? t(own, problem.params)
              : messageOf(
                  problem,
                  (key, options) => t(key, options),
                  (key) => i18n.exists(key),
                );
          })
          .join(' '),
      }),
    [t, i18n, ownMessages],
  );
  const clear = useCallback(() => setStatus(null), []);
  return { status, done, failed, clear, show: setStatus };
}
