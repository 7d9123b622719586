import { useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Field } from '../../forms';
import { graphql } from '../../gql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { DataTable } from '../fields';
import { MoreOf, QueryState } from '../organisation/states';
import { chooseTerritory } from '../territory';
import '../comune.css';
import './messages';

const TERRITORIES = graphql(`
  query AdminTerritories($search: String, $after: String) {
    territories(search: $search, first: 20, after: $after) {
      items {
        id
        name
        kind
        comuni {
          istat
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// A territory of many Comuni names the first few; its own page lists them all.
const COMUNI_SHOWN = 4;

/** The platform admin's territories: searched and paged on the server, each with its Comuni. */
export default function Territories() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const list = useQuery(TERRITORIES, { variables: { search: search || null } });
  const items = list.data?.territories.items ?? [];
  // The name of the territory just created on the form (TerritoryForm), said once here.
  const created = (useLocation().state as { created?: string } | null)?.created;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSearch(typed.trim());
  }

  return (
    <Page title={t('admin.territories.title')} lead={t('admin.territories.lead')}>
      <div aria-live="polite">
        {created ? <p className="alert alert-success">{t('admin.form.created', { name: created })}</p> : null}
      </div>
      <p>
        <Link className="btn btn-primary" to="/amministrazione/territori/nuovo">
          {t('admin.territories.create')}
        </Link>
      </p>
      <form className="readable d-flex flex-wrap align-items-end gap-3 mb-3" role="search" onSubmit={submit}>
        <Field
          id="territorySearch"
          type="search"
          autoComplete="off"
          label={t('admin.territories.search')}
          hint={t('admin.territories.searchHint')}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit" className="btn btn-outline-primary mb-4">
          {t('admin.territories.searchButton')}
        </button>
      </form>
      <QueryState query={list} />
      {list.data && !items.length ? <p role="status">{t('admin.territories.empty')}</p> : null}
      {items.length ? (
        <DataTable
          caption={search ? t('admin.territories.captionSearch', { search }) : t('admin.territories.caption')}
          label={t('admin.territories.caption')}
          columns={[
            t('admin.territories.name'),
            t('admin.territories.kind'),
            t('admin.territories.comuni'),
            t('console.common.actions'),
          ]}
        >
          {items.map((territory) => {
            const names = territory.comuni.map((comune) => comune.name);
            const more = names.length - COMUNI_SHOWN;
            return (
              <tr key={territory.id}>
                <th scope="row">{territory.name}</th>
                <td>{t(`admin.territories.kindLabel.${territory.kind}`)}</td>
                <td>
                  {names.slice(0, COMUNI_SHOWN).join(', ')}
                  {more > 0 ? ` ${t('admin.territories.moreComuni', { count: more })}` : null}
                </td>
                <td>
                  <ul className="list-unstyled mb-0">
                    <li>
                      <Link
                        to={`/amministrazione/territori/${territory.id}`}
                        aria-label={t('admin.territories.edit', { name: territory.name })}
                      >
                        {t('admin.territories.comuni')}
                      </Link>
                    </li>
                    <li>
                      <Link
                        to="/amministrazione/personale"
                        onClick={() => chooseTerritory(territory.id)}
                        aria-label={t('admin.territories.staffOf', { name: territory.name })}
                      >
                        {t('admin.nav.staff')}
                      </Link>
                    </li>
                  </ul>
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : null}
      <MoreOf query={list} field="territories" />
    </Page>
  );
}
