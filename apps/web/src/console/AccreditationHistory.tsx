import type { ReactNode } from 'react';
import { graphql } from '../gql';
import type { AccreditationHistoryFieldsFragment } from '../gql/graphql';
import { useTranslation } from '../i18n';
import { DataTable } from './fields';
import { formatDateTime } from './format';

// An organisation's accreditation history, as the moderator deciding and the organisation itself read it.
export const ACCREDITATION_HISTORY_FIELDS = graphql(`
  fragment AccreditationHistoryFields on AccreditationHistoryEntry {
    accreditationId
    territoryId
    fromStatus
    toStatus
    reason
    createdAt
  }
`);

/** The tag's tone of each accreditation status. */
export const ACCREDITATION_STATUS_TONE = {
  SUBMITTED: 'info',
  UNDER_REVIEW: 'warning',
  ACCREDITED: 'success',
  SUSPENDED: 'danger',
  REJECTED: 'neutral',
} as const;

/**
 * The history as a table: when, then `second` (the status it left for the moderator, the territory
 * for the organisation, which has one history per territory), the status it reached and the reason.
 */
export function AccreditationHistoryTable({
  name,
  entries,
  second,
}: {
  name: string;
  entries: readonly AccreditationHistoryFieldsFragment[];
  second: { heading: string; cellOf: (entry: AccreditationHistoryFieldsFragment) => ReactNode };
}) {
  const { t, language } = useTranslation();
  return (
    <DataTable
      caption={t('console.accreditation.historyCaption', { name })}
      className="table table-sm"
      columns={[
        t('console.accreditation.historyWhen'),
        second.heading,
        t('console.accreditation.historyTo'),
        t('console.accreditation.historyReason'),
      ]}
    >
      {entries.map((entry, index) => (
        <tr key={`${entry.accreditationId}-${index}`}>
          <td>{formatDateTime(entry.createdAt, language)}</td>
          <td>{second.cellOf(entry)}</td>
          <td>{t(`console.accreditation.status.${entry.toStatus}`)}</td>
          <td>{entry.reason ?? ''}</td>
        </tr>
      ))}
    </DataTable>
  );
}
