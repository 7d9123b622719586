import { useCallback, useState } from 'react';
import { messageOf, problemsOf } from '../../api/errors';
import { useTranslation } from '../../i18n';
import { appendPage, ShowMore } from '../../layout/ShowMore';
import { ConsoleLoadState } from '../fields';
import type { Status } from '../../layout/ActionStatus';

export { ActionStatus, type Status } from '../../layout/ActionStatus';

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

/** "Loading" until a query's first answer; "could not load, retry" when it failed and nothing is shown. */
export function QueryState({
  query,
}: {
  query: { loading: boolean; data?: unknown; error?: unknown; refetch: () => Promise<unknown> };
}) {
  return (
    <ConsoleLoadState
      loading={query.loading && !query.data}
      error={query.data ? undefined : query.error}
      onRetry={() => void query.refetch()}
    />
  );
}

type ListPage = { items: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };

/**
 * "Mostra altri" for a paged field of a query's answer (e.g. organisationMembers): the next page
 * by the api's cursor, appended to what is shown.
 */
export function MoreOf<TData, TField extends keyof TData & string>({
  query,
  field,
}: {
  query: {
    data?: TData;
    fetchMore: (options: {
      variables: { after: string };
      updateQuery: (previous: TData, more: { fetchMoreResult: TData }) => TData;
    }) => Promise<unknown>;
  };
  field: TField;
}) {
  const page = query.data?.[field] as ListPage | undefined;
  return (
    <ShowMore
      pageInfo={page?.pageInfo}
      onMore={(after) =>
        query.fetchMore({
          variables: { after },
          updateQuery: (previous, { fetchMoreResult }) => ({
            ...previous,
            [field]: appendPage(previous[field] as ListPage, fetchMoreResult[field] as ListPage),
          }),
        })
      }
    />
  );
}
