import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import type { OrganisationRequests } from './my-area-todo';

// One organisation's proposals still to answer: the first page's size, not its rows.
const ORGANISATION_TO_DO = graphql(`
  query MyAreaOrganisationToDo($organisationId: ID!) {
    organisationProposals(organisationId: $organisationId, statuses: [PENDING], first: 20) {
      items {
        id
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/**
 * The proposals waiting in each of the person's organisations, asked one organisation at a time
 * (a GraphQL document cannot repeat a field per organisation); one the api refuses is left out.
 */
export function useOrganisationRequests(
  organisations: readonly { id: string; name: string }[],
): OrganisationRequests[] {
  const client = useApolloClient();
  const [requests, setRequests] = useState<OrganisationRequests[]>([]);
  useEffect(() => {
    let current = true;
    void Promise.all(
      organisations.map((organisation) =>
        client
          .query({
            query: ORGANISATION_TO_DO,
            variables: { organisationId: organisation.id },
            fetchPolicy: 'network-only',
          })
          .then(({ data }) => (data ? [{ organisation, pending: data.organisationProposals }] : []))
          .catch(() => []),
      ),
    ).then((pages) => {
      if (current) setRequests(pages.flat());
    });
    return () => {
      current = false;
    };
  }, [client, organisations]);
  return requests;
}
