import { useState } from 'react';
import { useTranslation } from '../i18n';

/** A page of a list as the api returns it (the connections of schema.graphql). */
export interface ListPage<Item> {
  items: Item[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * The list so far followed by the next page: items already shown are not repeated (a new one
 * arriving live can push an item from the first page onto the second), pageInfo is the new page's.
 */
export function appendPage<Item extends { id: string }, Page extends ListPage<Item>>(
  previous: Page,
  next: Page,
): Page {
  const shown = new Set(previous.items.map((item) => item.id));
  return { ...next, items: [...previous.items, ...next.items.filter((item) => !shown.has(item.id))] };
}

/**
 * "Mostra altri": the api pages every long list (20 at a time); this asks for the next page with
 * the cursor. Busy while loading; a failure says so beside the button, which stays to try again.
 */
export function ShowMore({
  pageInfo,
  onMore,
  label,
}: {
  pageInfo: ListPage<unknown>['pageInfo'] | undefined;
  onMore: (after: string) => Promise<unknown>;
  label?: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!pageInfo?.hasNextPage || !pageInfo.endCursor) return null;
  const after = pageInfo.endCursor;
  return (
    <div className="mb-4">
      <button
        type="button"
        className="btn btn-outline-primary"
        aria-busy={busy}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setFailed(false);
          onMore(after)
            .catch(() => setFailed(true))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('state.loading') : (label ?? t('state.showMore'))}
      </button>
      <div aria-live="polite">
        {failed ? <p className="text-danger mt-2">{t('state.showMoreFailed')}</p> : null}
      </div>
    </div>
  );
}

type IdentifiedPage = ListPage<{ id: string }>;

/**
 * ShowMore for a paged field of a query's answer (e.g. myEngagements): the next page by the api's
 * cursor, appended to what is shown. `cursor` names the query's variable for it, `after` unless the
 * query pages more than one list (e.g. `afterReceived`).
 */
export function MoreOf<TData, TField extends keyof TData & string>({
  query,
  field,
  cursor = 'after',
}: {
  query: {
    data?: TData;
    fetchMore: (options: {
      variables: Record<string, string>;
      updateQuery: (previous: TData, more: { fetchMoreResult: TData }) => TData;
    }) => Promise<unknown>;
  };
  field: TField;
  cursor?: string;
}) {
  const page = query.data?.[field] as IdentifiedPage | undefined;
  return (
    <ShowMore
      pageInfo={page?.pageInfo}
      onMore={(after) =>
        query.fetchMore({
          variables: { [cursor]: after },
          updateQuery: (previous, { fetchMoreResult }) => ({
            ...previous,
            [field]: appendPage(previous[field] as IdentifiedPage, fetchMoreResult[field] as IdentifiedPage),
          }),
        })
      }
    />
  );
}
