import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { ErrorSummary, Field, Unreachable, useServerErrors } from '../../forms';
import { ChoiceGroup } from '../../forms/controls';
import type { EtsMembersQuery, OrganisationMemberRole } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { showConsoleApiError } from '../api-problems';
import { ConfirmButtons, StatusTag } from '../fields';
import { formatDate, formatPhone } from '../format';
import { ActionStatus, MoreOf, QueryState, useActionStatus } from './states';
import {
  organisationSection,
  type OrganisationSummary,
  useMyUserId,
  useOrganisationRole,
} from './OrganisationFrame';
import { INVITE_MEMBER, MEMBERS, REMOVE_MEMBER, REVOKE_INVITATION, SENT_INVITATIONS } from './operations';

const ROLES: OrganisationMemberRole[] = ['OPERATOR', 'ADMIN'];

/** The organisation's people and roles; admins invite by phone, withdraw invitations and remove roles. */
export default organisationSection('members', MembersOf);

type Member = EtsMembersQuery['organisationMembers']['items'][number];

function MembersOf({ organisation }: { organisation: OrganisationSummary }) {
  const { t, language } = useTranslation();
  const role = useOrganisationRole(organisation.id);
  const me = useMyUserId();
  const admin = role === 'ADMIN';
  const members = useQuery(MEMBERS, {
    variables: { organisationId: organisation.id },
    fetchPolicy: 'cache-and-network',
  });
  const [removeMember, removing] = useMutation(REMOVE_MEMBER);
  const [confirming, setConfirming] = useState<string | null>(null);
  const action = useActionStatus();
  const nameOf = (member: Member) => member.name ?? t('ets.members.noName');

  async function remove(member: Member) {
    action.clear();
    try {
      await removeMember({
        variables: { input: { organisationId: organisation.id, userId: member.userId, role: member.role } },
      });
      setConfirming(null);
      action.done(t('ets.members.revoked', { name: nameOf(member) }));
      await members.refetch();
    } catch (error) {
      setConfirming(null);
      action.failed(error);
    }
  }

  const list = members.data?.organisationMembers.items ?? [];
  return (
    <>
      <section aria-labelledby="people-title" className="mb-5">
        <h2 id="people-title">{t('ets.members.peopleTitle')}</h2>
        <QueryState query={members} />
        <ActionStatus status={action.status} />
        {!admin ? <p className="small">{t('ets.members.operatorNote')}</p> : null}
        <ul className="list-unstyled ets-list" data-testid="members">
          {list.map((member) => {
            const headingId = `member-${member.id}`;
            return (
              <li key={member.id} className="ets-item">
                <h3 id={headingId} className="h5 mb-1">
                  {nameOf(member)} {member.userId === me ? t('ets.members.you') : null}
                </h3>
                <p className="mb-1">
                  <StatusTag tone={member.role === 'ADMIN' ? 'info' : 'neutral'}>
                    {t(`ets.role.${member.role}`)}
                  </StatusTag>{' '}
                  <span className="small">
                    {t('ets.members.since', { date: formatDate(member.since, language) })}
                  </span>
                </p>
                {member.phone ? (
                  <p className="mb-1">
                    {t('ets.members.phone')}: <a href={`tel:${member.phone}`}>{formatPhone(member.phone)}</a>
                  </p>
                ) : null}
                {admin && confirming !== member.id ? (
                  <button
                    type="button"
                    className="btn btn-outline-danger btn-sm mt-2"
                    aria-describedby={headingId}
                    onClick={() => {
                      action.clear();
                      setConfirming(member.id);
                    }}
                  >
                    {t('ets.members.revoke')}
                  </button>
                ) : null}
                {admin && confirming === member.id ? (
                  <div className="ets-confirm mt-2" role="group" aria-labelledby={`${headingId}-confirm`}>
                    <p id={`${headingId}-confirm`} className="mb-2">
                      {t('ets.members.revokeConfirm', {
                        role: t(`ets.role.${member.role}`).toLowerCase(),
                        name: nameOf(member),
                      })}
                    </p>
                    <ConfirmButtons
                      confirmText={t('ets.members.revokeYes')}
                      tone="danger"
                      small
                      busy={removing.loading}
                      onConfirm={() => void remove(member)}
                      onCancel={() => setConfirming(null)}
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        <MoreOf query={members} field="organisationMembers" />
      </section>
      {admin ? <Invitations organisationId={organisation.id} /> : null}
    </>
  );
}

function Invitations({ organisationId }: { organisationId: string }) {
  const { t, language } = useTranslation();
  const sent = useQuery(SENT_INVITATIONS, {
    variables: { organisationId },
    fetchPolicy: 'cache-and-network',
  });
  const [invite, inviting] = useMutation(INVITE_MEMBER);
  const [revoke, revoking] = useMutation(REVOKE_INVITATION);
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<OrganisationMemberRole>('OPERATOR');
  const [invited, setInvited] = useState<string | null>(null);
  const errors = useServerErrors();
  const action = useActionStatus();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setInvited(null);
    if (!phone.trim()) {
      errors.show([{ fieldId: 'invite-phone', message: t('ets.members.missingPhone') }]);
      return;
    }
    try {
      const result = await invite({ variables: { input: { organisationId, phone: phone.trim(), role } } });
      errors.clear();
      const expires = result.data?.inviteOrganisationMember.invitationExpiresAt;
      setInvited(
        t('ets.members.invited', {
          phone: formatPhone(phone.trim()),
          date: expires ? formatDate(expires, language) : '',
        }),
      );
      setPhone('');
      await sent.refetch();
    } catch (error) {
      showConsoleApiError(
        errors,
        error,
        { phone: 'invite-phone', role: `invite-role-${role}` },
        'ets.errors',
      );
    }
  }

  async function withdraw(id: string, number: string) {
    action.clear();
    try {
      await revoke({ variables: { id } });
      action.done(t('ets.members.withdrawn', { phone: formatPhone(number) }));
      await sent.refetch();
    } catch (error) {
      action.failed(error);
    }
  }

  const list = sent.data?.organisationInvitations.items ?? [];
  return (
    <>
      <section aria-labelledby="invite-title" className="mb-5 readable">
        <h2 id="invite-title">{t('ets.members.inviteTitle')}</h2>
        <p>{t('ets.members.inviteLead')}</p>
        <ErrorSummary errors={errors} />
        {errors.unreachable ? <Unreachable onRetry={() => void submit()} /> : null}
        <div aria-live="polite">
          {invited ? (
            <p className="alert alert-success" role="status">
              {invited}
            </p>
          ) : null}
        </div>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <Field
            id="invite-phone"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            label={t('ets.members.phoneLabel')}
            hint={t('ets.members.phoneHint')}
            error={errors.byField['invite-phone']}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
          />
          <ChoiceGroup
            id="invite-role"
            type="radio"
            legend={t('ets.members.roleLegend')}
            choices={ROLES.map((value) => ({
              value,
              label: (
                <>
                  <strong>{t(`ets.role.${value}`)}</strong>: {t(`ets.members.roleHint.${value}`)}
                </>
              ),
            }))}
            selected={[role]}
            onToggle={(value) => setRole(value as OrganisationMemberRole)}
          />
          <button type="submit" className="btn btn-primary" disabled={inviting.loading}>
            {t('ets.members.inviteSubmit')}
          </button>
        </form>
      </section>
      <section aria-labelledby="pending-title" className="mb-5">
        <h2 id="pending-title">{t('ets.members.pendingTitle')}</h2>
        <QueryState query={sent} />
        <ActionStatus status={action.status} />
        {sent.data && !list.length ? <p>{t('ets.members.pendingNone')}</p> : null}
        <ul className="list-unstyled ets-list" data-testid="invitations">
          {list.map((invitation) => {
            const headingId = `invitation-${invitation.id}`;
            const number = invitation.phone ?? '';
            return (
              <li key={invitation.id} className="ets-item">
                <h3 id={headingId} className="h5 mb-1">
                  {formatPhone(number)}
                </h3>
                <p className="mb-1">
                  <StatusTag tone="warning">{t(`ets.role.${invitation.role}`)}</StatusTag>{' '}
                  <span className="small">
                    {t('ets.members.sentAt', { date: formatDate(invitation.sentAt, language) })} ·{' '}
                    {t('ets.members.expiresAt', { date: formatDate(invitation.expiresAt, language) })}
                  </span>
                </p>
                <button
                  type="button"
                  className="btn btn-outline-danger btn-sm mt-2"
                  aria-describedby={headingId}
                  disabled={revoking.loading}
                  onClick={() => void withdraw(invitation.id, number)}
                >
                  {t('ets.members.withdraw')}
                </button>
              </li>
            );
          })}
        </ul>
        <MoreOf query={sent} field="organisationInvitations" />
      </section>
    </>
  );
}
