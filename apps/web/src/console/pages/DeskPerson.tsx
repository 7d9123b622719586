import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { CallLink, ConsoleLoadState, DataTable, StatusTag } from '../fields';
import { formatDate, formatDateTime, formatPhone, formatTime } from '../format';

export const DESK_PERSON = graphql(`
  query DeskPerson($id: ID!) {
    deskPerson(id: $id) {
      id
      kind
      fullName
      phone
      comuneName
      registeredAt
      consent {
        recordedAt
        recordedBy
        method
        witness
        healthDataAt
      }
      needs {
        id
        category
        status
        description
        windowStart
        windowEnd
        createdAt
      }
    }
  }
`);

/** A person's record at the desk: how to reach them, how they consented, their requests, and "new request". */
export default function DeskPerson() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { personId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(DESK_PERSON, { variables: { id: personId } });
  const person = data?.deskPerson;
  if (!person) {
    const notFound = !loading && error && /DESK_PERSON_NOT_FOUND|non trovata|not found/i.test(String(error));
    return (
      <Page title={t('console.person.title')}>
        {notFound ? (
          <p className="alert alert-warning readable">{t('console.person.notFound')}</p>
        ) : (
          <ConsoleLoadState loading={loading} error={error} onRetry={() => void refetch()} />
        )}
        <p>
          <Link to="/sportello/persone">{t('console.person.back')}</Link>
        </p>
      </Page>
    );
  }
  const consent = person.consent;
  return (
    <Page title={person.fullName}>
      <p className="d-flex flex-wrap gap-3">
        {person.kind === 'DESK' ? (
          <Link className="btn btn-primary" to={`/sportello?persona=${person.id}`}>
            {t('console.person.newNeed')}
          </Link>
        ) : null}
        <Link className="btn btn-outline-primary" to="/sportello/persone">
          {t('console.person.back')}
        </Link>
      </p>
      <section className="mb-4 readable" aria-labelledby="person-details">
        <h2 id="person-details" className="h3">
          {t('console.person.details')}
        </h2>
        <dl className="facts">
          <dt>{t('console.person.phone')}</dt>
          <dd>{person.phone ? <CallLink phone={person.phone} /> : t('console.person.noPhone')}</dd>
          <dt>{t('console.person.comune')}</dt>
          <dd>{person.comuneName ?? '—'}</dd>
          <dt>{t('console.person.kind')}</dt>
          <dd>{t(`console.people.kind.${person.kind}`)}</dd>
          <dt>{t('console.person.registered')}</dt>
          <dd>{formatDate(person.registeredAt, language)}</dd>
        </dl>
      </section>
      <section className="mb-4 readable" aria-labelledby="person-consent">
        <h2 id="person-consent" className="h3">
          {t('console.person.consentTitle')}
        </h2>
        {consent ? (
          <dl className="facts">
            <dt>{t('console.person.consentWhen')}</dt>
            <dd>{consent.recordedAt ? formatDateTime(consent.recordedAt, language) : '—'}</dd>
            <dt>{t('console.person.consentBy')}</dt>
            <dd>{consent.recordedBy ? formatPhone(consent.recordedBy) : '—'}</dd>
            <dt>{t('console.person.consentHow')}</dt>
            <dd>
              {consent.method
                ? t(`console.consentMethod.${consent.method}`)
                : t('console.person.consentUnknownMethod')}
            </dd>
            {consent.witness ? (
              <>
                <dt>{t('console.person.consentWitness')}</dt>
                <dd>{consent.witness}</dd>
              </>
            ) : null}
            <dt>{t('console.person.consentHealth')}</dt>
            <dd>
              {consent.healthDataAt
                ? formatDateTime(consent.healthDataAt, language)
                : t('console.person.consentHealthNo')}
            </dd>
          </dl>
        ) : (
          <p>{t('console.person.consentRelative')}</p>
        )}
      </section>
      <section aria-labelledby="person-needs">
        <h2 id="person-needs" className="h3">
          {t('console.person.needsTitle')}
        </h2>
        {person.needs.length ? (
          <DataTable
            caption={t('console.person.needsCaption', { name: person.fullName })}
            columns={[
              t('console.person.need'),
              t('console.common.status'),
              t('console.common.whenNeeded'),
              t('console.person.created'),
            ]}
          >
            {person.needs.map((need) => (
              <tr key={need.id}>
                <th scope="row">
                  <Link to={`/sportello/richieste/${need.id}`}>{t(`console.category.${need.category}`)}</Link>
                  <br />
                  <small>{need.description}</small>
                </th>
                <td>
                  <StatusTag tone={need.status === 'OPEN' ? 'warning' : 'info'}>
                    {t(`console.needStatus.${need.status}`)}
                  </StatusTag>
                </td>
                <td>
                  {need.windowStart && need.windowEnd
                    ? `${formatDateTime(need.windowStart, language)} – ${formatTime(need.windowEnd, language)}`
                    : '—'}
                </td>
                <td>{formatDate(need.createdAt, language)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>{t('console.person.noNeeds')}</p>
        )}
      </section>
    </Page>
  );
}
