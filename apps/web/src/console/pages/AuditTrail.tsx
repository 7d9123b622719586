import { useApolloClient, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorSummary, Field, useServerErrors } from '../../forms';
import { Options } from '../../forms/controls';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { problemsOf } from '../../api/errors';
import { showConsoleApiError } from '../api-problems';
import { AUDIT_GROUPS, detailPairs, isAuditGroup, shortId } from '../audit';
import { ConsoleLoadState, NoTerritory, SelectField, StatusTag, TableScroll } from '../fields';
import { formatDateTime, formatPhone } from '../format';
import { MoreOf } from '../organisation/states';
import { saveCsvFile } from '../save-file';
import { useHoldsRoleIn } from '../staff-roles';
import { useStaffTerritory } from '../territory';
import '../comune.css';

const PAGE_SIZE = 20;
// The api's filter fields and the page's inputs that show their errors.
const FIELD_IDS = { from: 'auditFrom', to: 'auditTo', entityId: 'auditRecord' };

const AUDIT_TRAIL = graphql(`
  query AuditTrailPage(
    $territoryId: ID!
    $first: Int!
    $after: String
    $actions: [String!]
    $actorUserId: ID
    $entityId: ID
    $from: String
    $to: String
  ) {
    auditTrail(
      territoryId: $territoryId
      first: $first
      after: $after
      actions: $actions
      actorUserId: $actorUserId
      entityId: $entityId
      from: $from
      to: $to
    ) {
      items {
        id
        action
        entityType
        entityId
        actorUserId
        actorName
        actorRoles
        details
        createdAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// The same filters as the page, as a file: the api audits each export.
const AUDIT_TRAIL_CSV = graphql(`
  query AuditTrailCsvFile(
    $territoryId: ID!
    $actions: [String!]
    $actorUserId: ID
    $entityId: ID
    $from: String
    $to: String
  ) {
    auditTrailCsv(
      territoryId: $territoryId
      actions: $actions
      actorUserId: $actorUserId
      entityId: $entityId
      from: $from
      to: $to
    ) {
      csv
      fileName
      rowCount
    }
  }
`);

const TERRITORY_STAFF = graphql(`
  query AuditTerritoryStaff($territoryId: ID!) {
    territoryStaff(territoryId: $territoryId) {
      userId
      displayName
      phoneE164
      roles
    }
  }
`);

const MODERATOR: Role[] = ['COMUNE_MODERATOR'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// A record's id as the api writes it (a UUID); anything else is refused here, at the field.
const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Filter {
  who: string;
  what: string;
  record: string;
  from: string;
  to: string;
}
const NO_FILTER: Filter = { who: '', what: '', record: '', from: '', to: '' };

/** The api's filter arguments for the applied filter (the page's query and the CSV share them). */
function filterArguments(filter: Filter) {
  return {
    actorUserId: filter.who || null,
    actions: isAuditGroup(filter.what) ? [...AUDIT_GROUPS[filter.what]] : null,
    entityId: filter.record || null,
    from: filter.from || null,
    to: filter.to || null,
  };
}

/** The moderator's audit trail of the territory: who did what and when, filtered, newest first. */
export default function AuditTrail() {
  const { t, language } = useTranslation();
  const { territory, loading: territoryLoading } = useStaffTerritory();
  const isModerator = useHoldsRoleIn(territory?.id, MODERATOR);
  const [input, setInput] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const errors = useServerErrors();
  const territoryId = territory?.id ?? '';
  const skip = !territory || !isModerator;
  const trail = useQuery(AUDIT_TRAIL, {
    variables: {
      territoryId,
      first: PAGE_SIZE,
      ...filterArguments(filter),
    },
    skip,
    fetchPolicy: 'cache-and-network',
  });
  const staff = useQuery(TERRITORY_STAFF, { variables: { territoryId }, skip });
  const client = useApolloClient();
  const [downloading, setDownloading] = useState(false);
  const [downloaded, setDownloaded] = useState<string | null>(null);

  // A day the api refuses (it names the field) is shown at that field, as a form's error.
  const fieldProblem = trail.error ? problemsOf(trail.error).some((problem) => problem.field) : false;
  useEffect(() => {
    if (trail.error && fieldProblem) {
      showConsoleApiError(errors, trail.error, FIELD_IDS);
    }
    // errors is a new object each render; the error itself is what changes.
  }, [trail.error, fieldProblem]);

  const members = new Map((staff.data?.territoryStaff ?? []).map((member) => [member.userId, member]));
  const personLabel = (member: { displayName?: string | null; phoneE164?: string | null }) =>
    member.displayName ?? (member.phoneE164 ? formatPhone(member.phoneE164) : t('console.audit.noName'));
  const roleNames = (roles: readonly Role[]) =>
    roles.map((role) => t(`console.audit.roles.${role}`)).join(', ');

  function apply(event: FormEvent) {
    event.preventDefault();
    const record = input.record.trim();
    const problems = [
      ...(record && !RECORD_ID.test(record)
        ? [{ fieldId: 'auditRecord', message: t('console.audit.recordInvalid') }]
        : []),
      ...(input.from && !DAY.test(input.from)
        ? [{ fieldId: 'auditFrom', message: t('console.apiErrors.FIELD_INVALID') }]
        : []),
      ...(input.to && !DAY.test(input.to)
        ? [{ fieldId: 'auditTo', message: t('console.apiErrors.FIELD_INVALID') }]
        : []),
      ...(DAY.test(input.from) && DAY.test(input.to) && input.to < input.from
        ? [{ fieldId: 'auditTo', message: t('console.audit.toBeforeFrom') }]
        : []),
    ];
    if (problems.length) {
      errors.show(problems);
      return;
    }
    errors.clear();
    setDownloaded(null);
    setFilter({ ...input, record: record.toLowerCase() });
  }

  function reset() {
    errors.clear();
    setDownloaded(null);
    setInput(NO_FILTER);
    setFilter(NO_FILTER);
  }

  /** One record's entries: from a row's id, the record filter filled and applied at once. */
  function onlyRecord(entityId: string) {
    errors.clear();
    setDownloaded(null);
    setInput({ ...input, record: entityId });
    setFilter({ ...filter, record: entityId });
  }

  /** The applied filters' entries as the api's CSV (at most 10,000 rows), saved by the browser. */
  async function download() {
    setDownloading(true);
    setDownloaded(null);
    try {
      const { data } = await client.query({
        query: AUDIT_TRAIL_CSV,
        variables: { territoryId, ...filterArguments(filter) },
        fetchPolicy: 'no-cache',
      });
      const file = data?.auditTrailCsv;
      if (!file) return;
      saveCsvFile(file.fileName, file.csv);
      errors.clear();
      setDownloaded(t('console.audit.downloaded', { fileName: file.fileName, count: file.rowCount }));
    } catch (error) {
      showConsoleApiError(errors, error, FIELD_IDS);
    } finally {
      setDownloading(false);
    }
  }

  const page = trail.data?.auditTrail;
  const filtered = Object.values(filter).some((value) => value !== '');
  const caption = filtered ? t('console.audit.captionFiltered') : t('console.audit.caption');

  return (
    <Page title={t('console.audit.title')} lead={t('console.audit.lead')}>
      <NoTerritory territory={territory} loading={territoryLoading} />
      {territory && !isModerator ? (
        <p className="alert alert-info readable">{t('console.audit.onlyModerators')}</p>
      ) : null}
      {territory && isModerator ? (
        <>
          <ErrorSummary errors={errors} />
          <form className="filters audit-filters mb-4" noValidate onSubmit={apply}>
            <SelectField
              id="auditWho"
              label={t('console.audit.who')}
              value={input.who}
              onChange={(event) => setInput({ ...input, who: event.target.value })}
            >
              <option value="">{t('console.audit.anyone')}</option>
              {(staff.data?.territoryStaff ?? []).map((member) => (
                <option key={member.userId} value={member.userId}>
                  {`${personLabel(member)} (${roleNames(member.roles)})`}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="auditWhat"
              label={t('console.audit.what')}
              value={input.what}
              onChange={(event) => setInput({ ...input, what: event.target.value })}
            >
              <option value="">{t('console.audit.everything')}</option>
              <Options
                values={Object.keys(AUDIT_GROUPS)}
                labelOf={(group) => t(`console.audit.groups.${group}`)}
              />
            </SelectField>
            <Field
              id="auditRecord"
              label={t('console.audit.record')}
              hint={t('console.audit.recordHint')}
              error={errors.byField.auditRecord}
              value={input.record}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setInput({ ...input, record: event.target.value })}
            />
            <Field
              id="auditFrom"
              type="date"
              label={t('console.audit.from')}
              error={errors.byField.auditFrom}
              value={input.from}
              onChange={(event) => setInput({ ...input, from: event.target.value })}
            />
            <Field
              id="auditTo"
              type="date"
              label={t('console.audit.to')}
              error={errors.byField.auditTo}
              value={input.to}
              onChange={(event) => setInput({ ...input, to: event.target.value })}
            />
            <div className="audit-filters__buttons mb-4">
              <button type="submit" className="btn btn-primary">
                {t('console.audit.apply')}
              </button>
              {filtered ? (
                <button type="button" className="btn btn-outline-primary" onClick={reset}>
                  {t('console.audit.reset')}
                </button>
              ) : null}
            </div>
          </form>
          {!fieldProblem ? (
            <ConsoleLoadState
              loading={trail.loading && !page}
              error={trail.error}
              onRetry={() => void trail.refetch()}
            />
          ) : null}
          <div className="audit-download mb-4">
            <button
              id="auditDownload"
              type="button"
              className="btn btn-outline-primary"
              aria-describedby="auditDownloadHint"
              disabled={downloading}
              aria-busy={downloading}
              onClick={() => void download()}
            >
              {downloading ? t('console.audit.downloading') : t('console.audit.download')}
            </button>
            <p id="auditDownloadHint" className="form-field__hint mt-1 mb-0">
              {t('console.audit.downloadHint')}
            </p>
            <p role="status" className={downloaded ? 'alert alert-success mt-2 mb-0' : 'visually-hidden'}>
              {downloaded}
            </p>
          </div>
          {page && !page.items.length ? <p role="status">{t('console.audit.empty')}</p> : null}
          {page?.items.length ? (
            <>
              <p role="status" className="small">
                {t('console.audit.count', { count: page.items.length })}
              </p>
              <TableScroll label={caption}>
                <table className="table audit-table stack-table" role="table">
                  <caption>{caption}</caption>
                  <thead role="rowgroup">
                    <tr role="row">
                      <th scope="col" role="columnheader">
                        {t('console.audit.when')}
                      </th>
                      <th scope="col" role="columnheader">
                        {t('console.audit.who')}
                      </th>
                      <th scope="col" role="columnheader">
                        {t('console.audit.action')}
                      </th>
                      <th scope="col" role="columnheader">
                        {t('console.audit.subject')}
                      </th>
                      <th scope="col" role="columnheader">
                        {t('console.audit.details')}
                      </th>
                    </tr>
                  </thead>
                  <tbody role="rowgroup">
                    {page.items.map((entry) => {
                      const member = entry.actorUserId ? members.get(entry.actorUserId) : undefined;
                      const actionKey = `console.audit.actions.${entry.action}`;
                      const entityKey = `console.audit.entities.${entry.entityType}`;
                      const pairs = detailPairs(entry.details);
                      return (
                        <tr key={entry.id} role="row">
                          <td role="cell" data-label={t('console.audit.when')}>
                            {formatDateTime(entry.createdAt, language)}
                          </td>
                          <td role="cell" data-label={t('console.audit.who')}>
                            {entry.actorUserId === null || entry.actorUserId === undefined ? (
                              t('console.audit.system')
                            ) : member || entry.actorName || entry.actorRoles.length ? (
                              <>
                                {personLabel({
                                  displayName: entry.actorName ?? member?.displayName,
                                  phoneE164: member?.phoneE164,
                                })}
                                {entry.actorRoles.length ? (
                                  <>
                                    <br />
                                    <StatusTag tone="info">{roleNames(entry.actorRoles)}</StatusTag>
                                  </>
                                ) : null}
                              </>
                            ) : (
                              t('console.audit.notStaff')
                            )}
                          </td>
                          <td role="cell" data-label={t('console.audit.action')}>
                            {t(actionKey) === actionKey ? entry.action : t(actionKey)}
                          </td>
                          <td role="cell" data-label={t('console.audit.subject')}>
                            {t(entityKey) === entityKey ? entry.entityType : t(entityKey)}
                            {entry.entityId ? (
                              <>
                                {' '}
                                {filter.record === entry.entityId ? (
                                  <span className="small audit-id">{entry.entityId}</span>
                                ) : (
                                  <button
                                    type="button"
                                    className="btn btn-link btn-sm p-0 small text-start"
                                    title={entry.entityId}
                                    onClick={() => onlyRecord(entry.entityId as string)}
                                  >
                                    {t('console.audit.onlyRecord', { id: shortId(entry.entityId) })}
                                  </button>
                                )}
                              </>
                            ) : null}
                          </td>
                          <td role="cell" className="small" data-label={t('console.audit.details')}>
                            {pairs.length ? (
                              <ul className="audit-details">
                                {pairs.map(([key, value]) => (
                                  <li key={key}>{key ? `${key}: ${value}` : value}</li>
                                ))}
                              </ul>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            </>
          ) : null}
          <MoreOf query={trail} field="auditTrail" />
        </>
      ) : null}
    </Page>
  );
}
