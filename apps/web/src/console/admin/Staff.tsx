import { useApolloClient, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { ErrorSummary, Field, Unreachable, useServerErrors } from '../../forms';
import { ChoiceGroup } from '../../forms/controls';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { showConsoleApiError } from '../api-problems';
import { DataTable, NoTerritory } from '../fields';
import { formatPhone } from '../format';
import { ActionStatus, MoreOf, QueryState, useActionStatus } from '../organisation/states';
import { useStaffTerritory } from '../territory';
import '../comune.css';
import './messages';

const STAFF = graphql(`
  query AdminTerritoryStaff($territoryId: ID!, $after: String) {
    territoryStaffPage(territoryId: $territoryId, first: 20, after: $after) {
      items {
        id: userId
        displayName
        phoneE164
        roles
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const GRANT = graphql(`
  mutation AdminGrantStaffRole($input: GrantStaffRoleInput!) {
    grantStaffRole(input: $input) {
      userId
      role
      territoryId
    }
  }
`);

const REVOKE = graphql(`
  mutation AdminRevokeStaffRole($input: GrantStaffRoleInput!) {
    revokeStaffRole(input: $input)
  }
`);

const STAFF_ROLES: Role[] = ['COMUNE_OPERATOR', 'COMUNE_MODERATOR'];
const FIELD_IDS = { phone: 'grantPhone', role: 'grantRole' };

/** The chosen territory's operators and moderators (the console's territory switch), with grant and revoke. */
export default function Staff() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { territory, loading: territoryLoading } = useStaffTerritory();
  const territoryId = territory?.id ?? '';
  const staff = useQuery(STAFF, { variables: { territoryId }, skip: !territory });
  const status = useActionStatus('admin.errors');
  const errors = useServerErrors();
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<Role>('COMUNE_OPERATOR');
  const [granting, setGranting] = useState(false);
  const items = staff.data?.territoryStaffPage.items ?? [];
  const roleName = (value: Role) => t(`admin.staff.role.${value}`);

  async function grant(event?: FormEvent) {
    event?.preventDefault();
    status.clear();
    if (!phone.trim()) {
      errors.show([{ fieldId: FIELD_IDS.phone, message: t('admin.staff.phoneRequired') }]);
      return;
    }
    setGranting(true);
    try {
      await client.mutate({
        mutation: GRANT,
        variables: { input: { phone: phone.trim(), role, territoryId } },
      });
      errors.clear();
      status.done(t('admin.staff.granted', { role: roleName(role), phone: phone.trim() }));
      setPhone('');
      await staff.refetch();
    } catch (error) {
      showConsoleApiError(errors, error, FIELD_IDS, 'admin.errors');
    } finally {
      setGranting(false);
    }
  }

  async function revoke(personPhone: string, name: string, revoked: Role) {
    status.clear();
    try {
      await client.mutate({
        mutation: REVOKE,
        variables: { input: { phone: personPhone, role: revoked, territoryId } },
      });
      status.done(t('admin.staff.revoked', { role: roleName(revoked), name }));
      await staff.refetch();
    } catch (error) {
      status.failed(error);
    }
  }

  return (
    <Page title={t('admin.staff.title')} lead={t('admin.staff.lead')}>
      <NoTerritory territory={territory} loading={territoryLoading} />
      {territory ? (
        <>
          <QueryState query={staff} />
          <ActionStatus status={status.status} />
          {staff.data && !items.length ? <p>{t('admin.staff.empty')}</p> : null}
          {items.length ? (
            <DataTable
              caption={t('admin.staff.caption', { territory: territory.name })}
              columns={[t('admin.staff.name'), t('admin.staff.phone'), t('admin.staff.roles')]}
            >
              {items.map((person) => {
                const name = person.displayName ?? t('admin.staff.noName');
                return (
                  <tr key={person.id}>
                    <th scope="row">{name}</th>
                    <td>{person.phoneE164 ? formatPhone(person.phoneE164) : '—'}</td>
                    <td>
                      <ul className="list-unstyled mb-0">
                        {person.roles.map((held) => (
                          <li key={held} className="d-flex flex-wrap align-items-center gap-2 mb-1">
                            <span>{roleName(held)}</span>
                            {person.phoneE164 ? (
                              <button
                                type="button"
                                className="btn btn-outline-danger btn-sm"
                                aria-label={t('admin.staff.revoke', { role: roleName(held), name })}
                                onClick={() => void revoke(person.phoneE164 as string, name, held)}
                              >
                                {t('admin.staff.revokeShort', { role: roleName(held) })}
                              </button>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          ) : null}
          <MoreOf query={staff} field="territoryStaffPage" />
          <section aria-labelledby="grant-title" className="readable mt-4">
            <h2 id="grant-title">{t('admin.staff.grantTitle')}</h2>
            <p>{t('admin.staff.grantHint')}</p>
            <form noValidate onSubmit={(event) => void grant(event)}>
              <ErrorSummary errors={errors} />
              {errors.unreachable ? <Unreachable onRetry={() => void grant()} /> : null}
              <Field
                id={FIELD_IDS.phone}
                type="tel"
                inputMode="tel"
                autoComplete="off"
                label={t('admin.staff.grantPhone')}
                hint={t('admin.staff.grantPhoneHint')}
                error={errors.byField[FIELD_IDS.phone]}
                value={phone}
                onChange={(event) => setPhone(event.target.value)}
              />
              <ChoiceGroup
                id={FIELD_IDS.role}
                type="radio"
                legend={t('admin.staff.grantRole')}
                error={errors.byField[FIELD_IDS.role]}
                choices={STAFF_ROLES.map((value) => ({ value, label: roleName(value) }))}
                selected={[role]}
                onToggle={(value, checked) => checked && setRole(value as Role)}
              />
              <button type="submit" className="btn btn-primary" disabled={granting} aria-busy={granting}>
                {t('admin.staff.grant')}
              </button>
            </form>
          </section>
        </>
      ) : null}
    </Page>
  );
}
