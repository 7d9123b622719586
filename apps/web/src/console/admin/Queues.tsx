import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { graphql } from '../../gql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { DataTable, StatusTag } from '../fields';
import { formatDateTime, formatTime } from '../format';
import { ActionStatus, MoreOf, QueryState, useActionStatus } from '../organisation/states';
import '../comune.css';
import { notificationEventLabel } from './notification-events';
import './messages';

const FAILED = graphql(`
  query AdminFailedNotifications($after: String) {
    failedNotifications(first: 20, after: $after) {
      items {
        id
        channel
        event
        recipient
        status
        attempts
        lastError
        gateway
        updatedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const REPLAY = graphql(`
  mutation AdminReplayNotification($id: ID!) {
    replayNotification(id: $id) {
      id
      status
      attempts
      lastError
      updatedAt
    }
  }
`);

const OPEN_DASHBOARD = graphql(`
  mutation AdminOpenQueueDashboard {
    openQueueDashboard {
      url
      expiresAt
    }
  }
`);

const TONES: Record<string, 'danger' | 'warning' | 'info' | 'success'> = {
  failed: 'danger',
  failed_permanent: 'danger',
  unknown: 'warning',
  pending: 'info',
  sent: 'success',
};

/** The queue dashboard (bull-board, opened with a short-lived ticket) and the dead letters, replayed one by one. */
export default function Queues() {
  const { t, i18n, language } = useTranslation();
  const client = useApolloClient();
  const failed = useQuery(FAILED);
  const status = useActionStatus('admin.errors');
  const dashboard = useActionStatus('admin.errors');
  const [ticket, setTicket] = useState<{ url: string; expiresAt: string } | null>(null);
  const [opening, setOpening] = useState(false);
  const [replaying, setReplaying] = useState<string | null>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const items = failed.data?.failedNotifications.items ?? [];
  const label = (group: 'statusLabel' | 'channelLabel', value: string) => {
    const key = `admin.queues.${group}.${value}`;
    return i18n.exists(key) ? t(key) : value;
  };

  // The ticket's link takes the focus: the next Enter opens the dashboard.
  useEffect(() => {
    if (ticket) link.current?.focus();
  }, [ticket]);

  async function openDashboard() {
    dashboard.clear();
    setOpening(true);
    try {
      // The answer sets an HttpOnly cookie for the dashboard's path on this origin; the link then opens it.
      const result = await client.mutate({ mutation: OPEN_DASHBOARD });
      if (result.data) setTicket(result.data.openQueueDashboard);
    } catch (error) {
      dashboard.failed(error);
    } finally {
      setOpening(false);
    }
  }

  async function replay(id: string, recipient: string) {
    status.clear();
    setReplaying(id);
    try {
      // The answer updates the row in the cache (by id): its status shows "In coda".
      await client.mutate({ mutation: REPLAY, variables: { id } });
      status.done(t('admin.queues.replayed', { recipient }));
    } catch (error) {
      status.failed(error);
    } finally {
      setReplaying(null);
    }
  }

  return (
    <Page title={t('admin.queues.title')} lead={t('admin.queues.lead')}>
      <section aria-labelledby="dashboard-title" className="readable mb-5">
        <h2 id="dashboard-title">{t('admin.queues.dashboardTitle')}</h2>
        <p>{t('admin.queues.dashboardHint')}</p>
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={opening}
          aria-busy={opening}
          onClick={() => void openDashboard()}
        >
          {opening ? t('admin.queues.opening') : t('admin.queues.open')}
        </button>
        <ActionStatus status={dashboard.status} />
        {ticket ? (
          <p className="mt-3" role="status">
            {t('admin.queues.ready', { time: formatTime(ticket.expiresAt, i18n.language) })}{' '}
            <a ref={link} href={ticket.url} className="btn btn-primary">
              {t('admin.queues.link')}
            </a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="failed-title">
        <h2 id="failed-title">{t('admin.queues.failedTitle')}</h2>
        <p className="readable">{t('admin.queues.failedHint')}</p>
        <QueryState query={failed} />
        <ActionStatus status={status.status} />
        {failed.data && !items.length ? <p>{t('admin.queues.empty')}</p> : null}
        {items.length ? (
          <DataTable
            caption={t('admin.queues.caption')}
            columns={[
              t('admin.queues.when'),
              t('admin.queues.recipient'),
              t('admin.queues.channel'),
              t('admin.queues.event'),
              t('admin.queues.status'),
              t('admin.queues.attempts'),
              t('admin.queues.error'),
              t('console.common.actions'),
            ]}
          >
            {items.map((notification) => {
              const when = formatDateTime(notification.updatedAt, i18n.language);
              const replayable = ['failed', 'failed_permanent', 'unknown'].includes(notification.status);
              return (
                <tr key={notification.id}>
                  <td>{when}</td>
                  <th scope="row">{notification.recipient}</th>
                  <td>
                    {label('channelLabel', notification.channel)}
                    {notification.gateway ? ` (${notification.gateway})` : null}
                  </td>
                  <td>
                    {notificationEventLabel(notification.event, language) ?? (
                      <code>{notification.event}</code>
                    )}
                  </td>
                  <td>
                    <StatusTag tone={TONES[notification.status] ?? 'neutral'}>
                      {label('statusLabel', notification.status)}
                    </StatusTag>
                  </td>
                  <td>{notification.attempts}</td>
                  <td className="small">{notification.lastError ?? '—'}</td>
                  <td>
                    {replayable ? (
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        disabled={replaying === notification.id}
                        aria-busy={replaying === notification.id}
                        aria-label={t('admin.queues.replayOf', {
                          recipient: notification.recipient,
                          when,
                        })}
                        onClick={() => void replay(notification.id, notification.recipient)}
                      >
                        {t('admin.queues.replay')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        ) : null}
        <MoreOf query={failed} field="failedNotifications" />
      </section>
    </Page>
  );
}
