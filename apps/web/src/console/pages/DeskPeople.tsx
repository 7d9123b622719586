import { useLazyQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiForm, Field, useServerErrors } from '../../forms';
import { ChoiceGroup } from '../../forms/controls';
import { graphql } from '../../gql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { DataTable, NoTerritory } from '../fields';
import { formatDate } from '../format';
import { useStaffTerritory } from '../territory';

const DESK_PEOPLE = graphql(`
  query DeskPeople($territoryId: ID!, $phone: String, $name: String) {
    deskPeople(territoryId: $territoryId, phone: $phone, name: $name) {
      id
      kind
      fullName
      phone
      comuneName
      needs {
        id
        createdAt
      }
    }
  }
`);

type SearchBy = 'phone' | 'name';

/** The desk's "find a person": by the whole mobile number or whole words of the name. */
export default function DeskPeople() {
  const { t, i18n } = useTranslation();
  const { territory, loading } = useStaffTerritory();
  const [by, setBy] = useState<SearchBy>('phone');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const errors = useServerErrors();
  const [search, result] = useLazyQuery(DESK_PEOPLE, { fetchPolicy: 'network-only' });
  const [searched, setSearched] = useState(false);

  async function submit() {
    if (!territory) return;
    const value = (by === 'phone' ? phone : name).trim();
    if (!value) {
      errors.show([
        {
          fieldId: by,
          message: t(by === 'phone' ? 'console.people.missingPhone' : 'console.people.missingName'),
        },
      ]);
      return;
    }
    try {
      await search({
        variables: { territoryId: territory.id, ...(by === 'phone' ? { phone: value } : { name: value }) },
      });
      errors.clear();
      setSearched(true);
    } catch (error) {
      setSearched(false);
      errors.showApiError(error, { phone: 'phone', name: 'name' });
    }
  }

  const people = searched ? (result.data?.deskPeople ?? []) : [];
  return (
    <Page title={t('console.people.title')} lead={t('console.people.lead')}>
      <NoTerritory territory={territory} loading={loading} />
      <ApiForm errors={errors} onSubmit={submit} className="readable mb-4">
        <ChoiceGroup
          id="by"
          type="radio"
          legend={t('console.people.by')}
          choices={[
            { value: 'phone', label: t('console.people.byPhone') },
            { value: 'name', label: t('console.people.byName') },
          ]}
          selected={[by]}
          onToggle={(value) => {
            setBy(value as SearchBy);
            errors.clear();
          }}
        />
        {by === 'phone' ? (
          <Field
            id="phone"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            label={t('console.people.phone')}
            hint={t('console.people.phoneHint')}
            error={errors.byField.phone}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
          />
        ) : (
          <Field
            id="name"
            autoComplete="off"
            spellCheck={false}
            label={t('console.people.name')}
            hint={t('console.people.nameHint')}
            error={errors.byField.name}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
        <div className="d-flex flex-wrap gap-3">
          <button type="submit" className="btn btn-primary" disabled={result.loading || !territory}>
            {t('console.people.submit')}
          </button>
          <Link className="btn btn-outline-primary" to="/sportello">
            {t('console.people.newPerson')}
          </Link>
        </div>
      </ApiForm>
      <div aria-live="polite">
        {searched && !result.loading && !people.length ? (
          <p className="alert alert-info readable">{t('console.people.noResults')}</p>
        ) : null}
        {people.length ? (
          <DataTable
            caption={t('console.people.resultsCaption', { count: people.length })}
            columns={[
              t('console.people.fullName'),
              t('console.person.phone'),
              t('console.common.comune'),
              t('console.people.lastNeed'),
            ]}
          >
            {people.map((person) => (
              <tr key={person.id}>
                <th scope="row">
                  <Link
                    to={`/sportello/persone/${person.id}`}
                    aria-label={t('console.people.open', { name: person.fullName })}
                  >
                    {person.fullName}
                  </Link>
                  <br />
                  <small>{t(`console.people.kind.${person.kind}`)}</small>
                </th>
                <td>{person.phone ?? t('console.person.noPhone')}</td>
                <td>{person.comuneName ?? '—'}</td>
                <td>
                  {person.needs[0]
                    ? formatDate(person.needs[0].createdAt, i18n.language)
                    : t('console.people.none')}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </div>
    </Page>
  );
}
