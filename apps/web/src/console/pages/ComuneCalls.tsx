import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { NewCall, PublisherCallList } from '../calls/PublisherCalls';
import { COMUNE_CALLS } from '../calls/operations';
import { NoTerritory } from '../fields';
import { MoreOf } from '../organisation/states';
import { useStaffTerritory } from '../territory';

/**
 * The Comune's own calls for volunteers in the territory being followed: publish one for its
 * Comuni, follow the moderators' check, read and decide the answers, close it.
 */
export default function ComuneCalls() {
  const { t } = useTranslation();
  const { territory, loading } = useStaffTerritory();
  const calls = useQuery(COMUNE_CALLS, {
    variables: { territoryId: territory?.id ?? '' },
    skip: !territory,
    fetchPolicy: 'cache-and-network',
  });
  const [published, setPublished] = useState<string | null>(null);
  return (
    <Page title={t('console.calls.title')} lead={t('console.calls.lead')}>
      <NoTerritory territory={territory} loading={loading} />
      {territory ? (
        <>
          <NewCall
            key={territory.id}
            places={territory.comuni}
            onPublished={(title) => {
              setPublished(t('ets.calls.published', { title }));
              void calls.refetch();
            }}
          />
          <PublisherCallList
            query={calls}
            items={calls.data?.comuneCallsToAction.items ?? []}
            listQuery="ComuneCalls"
            canDecide
            published={published}
            more={<MoreOf query={calls} field="comuneCallsToAction" />}
          />
        </>
      ) : null}
    </Page>
  );
}
