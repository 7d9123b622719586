import { useQuery } from '@apollo/client/react';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { graphql } from '../gql';
import { useTranslation } from '../i18n';
import { appendPage } from '../layout/ShowMore';
import { chooseTerritory, type StaffTerritory } from './territory';

const PAGE_SIZE = 10;
// Typing pauses this long before the api is asked: one request per word, not per letter.
const DEBOUNCE_MS = 250;

const SEARCH = graphql(`
  query ConsoleTerritorySearch($search: String, $first: Int!, $after: String) {
    territories(search: $search, first: $first, after: $after) {
      items {
        id
        name
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/**
 * The platform administrator's territory switch: the chosen territory and a "Change" button that
 * opens a search, answered by the api a page at a time as one types (accents and case ignored).
 * Results are buttons in a list, announced by a live count; Escape closes and gives the focus back.
 */
export function TerritorySearch({ territory }: { territory: StaffTerritory | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const found = useQuery(SEARCH, {
    variables: { search: search || null, first: PAGE_SIZE },
    skip: !open,
    fetchPolicy: 'cache-and-network',
  });
  const page = found.data?.territories;
  const settled = page && !found.loading && search === text.trim();

  function close() {
    setOpen(false);
    toggle.current?.focus();
  }

  function choose(chosenId: string) {
    chooseTerritory(chosenId);
    setText('');
    close();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  }

  return (
    <div className="console-territory territory-search" onKeyDown={onKeyDown}>
      <p className="mb-1">
        {t('console.territory.label')}: <strong>{territory?.name ?? '…'}</strong>{' '}
        <button
          ref={toggle}
          type="button"
          className="btn btn-link btn-sm p-0 align-baseline"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => (open ? close() : setOpen(true))}
        >
          {t('console.territory.change')}
        </button>
      </p>
      <div id={`${id}-panel`} className="territory-search__panel" hidden={!open}>
        {open ? (
          <>
            <label htmlFor={`${id}-search`} className="form-field__label mb-1">
              {t('console.territory.search')}
            </label>
            <p id={`${id}-hint`} className="form-field__hint mb-1">
              {t('console.territory.searchHint')}
            </p>
            <input
              ref={input}
              id={`${id}-search`}
              type="search"
              className="form-control"
              autoComplete="off"
              aria-describedby={`${id}-hint ${id}-count`}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            <p id={`${id}-count`} role="status" className="small mt-1 mb-1">
              {found.error
                ? t('console.common.loadFailed')
                : settled
                  ? page.items.length
                    ? t(
                        page.pageInfo.hasNextPage ? 'console.territory.foundMore' : 'console.territory.found',
                        {
                          count: page.items.length,
                        },
                      )
                    : t('console.territory.noneFound')
                  : t('state.loading')}
            </p>
            {page?.items.length ? (
              <ul
                className="list-unstyled territory-search__results mb-1"
                aria-label={t('console.territory.results')}
              >
                {page.items.map((candidate) => (
                  <li key={candidate.id}>
                    <button
                      type="button"
                      className="btn btn-link btn-sm p-0 text-start"
                      aria-current={candidate.id === territory?.id ? 'true' : undefined}
                      onClick={() => choose(candidate.id)}
                    >
                      {candidate.name}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            {page?.pageInfo.hasNextPage ? (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() =>
                  void found.fetchMore({
                    variables: { after: page.pageInfo.endCursor },
                    updateQuery: (previous, { fetchMoreResult }) => ({
                      ...previous,
                      territories: appendPage(previous.territories, fetchMoreResult.territories),
                    }),
                  })
                }
              >
                {t('console.common.loadMore')}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
