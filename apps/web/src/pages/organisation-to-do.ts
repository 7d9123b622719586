import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import type { OrganisationToDo } from './my-area-todo';

// One organisation's proposals still to answer, and for its admins its calls with answers to
// decide: the first pages' sizes and counts, not their rows.
const ORGANISATION_TO_DO = graphql(`
  query MyAreaOrganisationToDo($organisationId: ID!, $admin: Boolean!) {
    organisationProposals(organisationId: $organisationId, statuses: [PENDING], first: 20) {
      items {
        id
      }
      pageInfo {
        hasNextPage
      }
    }
    organisationCallsToAction(organisationId: $organisationId, withPendingAnswers: true, first: 20)
      @include(if: $admin) {
      items {
        id
        pendingAnswerCount
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/**
 * What waits in each of the person's organisations (in those they administer, `adminOf`, also the
 * calls' answers to decide), asked one organisation at a time (a GraphQL document cannot repeat a
 * field per organisation); one the api refuses is left out.
 */
export function useOrganisationToDo(
  organisations: readonly { id: string; name: string }[],
  adminOf: string,
): OrganisationToDo[] {
  const client = useApolloClient();
  const [toDo, setToDo] = useState<OrganisationToDo[]>([]);
  useEffect(() => {
    let current = true;
    void Promise.all(
      organisations.map((organisation) =>
        client
          .query({
            query: ORGANISATION_TO_DO,
            // adminOf: the ids joined, so that the effect runs again only when they change.
            variables: {
              organisationId: organisation.id,
              admin: adminOf.split(',').includes(organisation.id),
            },
            fetchPolicy: 'network-only',
          })
          .then(({ data }) =>
            data
              ? [
                  {
                    organisation,
                    pending: data.organisationProposals,
                    callsToDecide: data.organisationCallsToAction,
                  },
                ]
              : [],
          )
          .catch(() => []),
      ),
    ).then((pages) => {
      if (current) setToDo(pages.flat());
    });
    return () => {
      current = false;
    };
  }, [client, organisations, adminOf]);
  return toDo;
}
