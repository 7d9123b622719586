import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { refreshSession } from '../../session/refresh';
import { AcceptDeclineButtons } from '../fields';
import { formatDate } from '../format';
import { ActionStatus, useActionStatus } from './states';
import './messages';
import { ACCEPT_INVITATION, DECLINE_INVITATION, MY_INVITATIONS } from './operations';

/**
 * Invitations to join an organisation sent to the caller's number: accept (the role is theirs at
 * once: the session is refreshed so the menu shows it) or decline. Nothing when there are none.
 */
export function MyInvitations({ onAccepted }: { onAccepted: () => void }) {
  const { t, language } = useTranslation();
  const invitations = useQuery(MY_INVITATIONS, { fetchPolicy: 'cache-and-network' });
  const [accept] = useMutation(ACCEPT_INVITATION);
  const [decline] = useMutation(DECLINE_INVITATION);
  const [busy, setBusy] = useState<string | null>(null);
  const action = useActionStatus();
  const list = invitations.data?.myOrganisationInvitations ?? [];

  async function answer(id: string, organisation: string, role: string, accepting: boolean) {
    setBusy(id);
    action.clear();
    try {
      if (accepting) {
        await accept({ variables: { id } });
        // The new role comes with a fresh session: the console's menu and pages follow it.
        await refreshSession().catch(() => false);
        action.done(
          t('ets.invitations.accepted', { organisation, role: t(`ets.role.${role}`).toLowerCase() }),
        );
        onAccepted();
      } else {
        await decline({ variables: { id } });
        action.done(t('ets.invitations.declined', { organisation }));
      }
      await invitations.refetch();
    } catch (error) {
      action.failed(error);
    } finally {
      setBusy(null);
    }
  }

  if (!list.length && !action.status) return null;
  return (
    <section aria-labelledby="my-invitations-title" className="mb-5 readable">
      <h2 id="my-invitations-title">{t('ets.invitations.title')}</h2>
      <ActionStatus status={action.status} />
      <ul className="list-unstyled ets-list">
        {list.map((invitation) => {
          const headingId = `my-invitation-${invitation.id}`;
          return (
            <li key={invitation.id} className="ets-item">
              <h3 id={headingId} className="h5 mb-1">
                {t('ets.invitations.body', {
                  organisation: invitation.organisationName,
                  role: t(`ets.role.${invitation.role}`).toLowerCase(),
                })}
              </h3>
              <p className="mb-1">
                {t('ets.invitations.expires', { date: formatDate(invitation.expiresAt, language) })}
              </p>
              <p className="small mb-2">{t('ets.invitations.declineHint')}</p>
              <AcceptDeclineButtons
                describedBy={headingId}
                busy={busy !== null}
                acceptText={t('ets.invitations.accept')}
                declineText={t('ets.invitations.decline')}
                onAnswer={(accept) =>
                  void answer(invitation.id, invitation.organisationName, invitation.role, accept)
                }
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
