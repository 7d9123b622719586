import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { NewCall, PublisherCallList } from '../calls/PublisherCalls';
import { organisationSection, type OrganisationSummary, useOrganisationRole } from './OrganisationFrame';
import { AREA_COMUNI, ORGANISATION_CALLS } from './operations';
import { MoreOf } from './states';

/** The organisation's calls for volunteers: publish one (admins), follow the Comune's check, read and decide the answers. */
export default organisationSection('calls', CallsOf);

function CallsOf({ organisation }: { organisation: OrganisationSummary }) {
  const { t } = useTranslation();
  const admin = useOrganisationRole(organisation.id) === 'ADMIN';
  const calls = useQuery(ORGANISATION_CALLS, {
    variables: { organisationId: organisation.id },
    fetchPolicy: 'cache-and-network',
  });
  // The Comuni of the organisation's home territories.
  const area = useQuery(AREA_COMUNI, { variables: { istat: organisation.homeComuneIstat }, skip: !admin });
  const places = [
    ...new Map(
      (area.data?.territoriesOfComune ?? [])
        .flatMap((territory) => territory.comuni)
        .map((comune) => [comune.istat, comune]),
    ).values(),
  ];
  const [published, setPublished] = useState<string | null>(null);
  return (
    <>
      {admin ? (
        <NewCall
          places={places}
          organisationId={organisation.id}
          onPublished={(title) => {
            setPublished(t('ets.calls.published', { title }));
            void calls.refetch();
          }}
        />
      ) : null}
      <PublisherCallList
        query={calls}
        items={calls.data?.organisationCallsToAction.items ?? []}
        listQuery="EtsCalls"
        canDecide={admin}
        published={published}
        note={admin ? undefined : t('ets.calls.answersAdminOnly')}
        more={<MoreOf query={calls} field="organisationCallsToAction" />}
      />
    </>
  );
}
