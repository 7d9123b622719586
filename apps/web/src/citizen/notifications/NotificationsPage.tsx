import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCitizenTranslation } from '../i18n';
import { formatDateTime } from '../datetime';
import { MARK_NOTIFICATIONS_READ, NOTIFICATION_RECEIVED, NOTIFICATIONS } from '../operations';
import { Page } from '../../layout/Page';
import { appendPage } from '../../layout/ShowMore';
import { QueryState } from '../QueryState';
import { notificationLink } from './notification-links';

/** The notification centre: newest first, unread marked in words, live as they arrive. */
export default function NotificationsPage() {
  const { t, language } = useCitizenTranslation();
  const notifications = useQuery(NOTIFICATIONS);
  const [markRead] = useMutation(MARK_NOTIFICATIONS_READ, { refetchQueries: ['CitizenNotifications'] });
  const [announcement, setAnnouncement] = useState('');
  useSubscription(NOTIFICATION_RECEIVED, {
    onData: ({ data }) => {
      const body = data.data?.notificationReceived.body;
      if (body) setAnnouncement(t('notifications.live', { body }));
      void notifications.refetch();
    },
  });
  const page = notifications.data?.myNotifications;
  const items = page?.items ?? [];
  const unread = items.filter((item) => !item.readAt).map((item) => item.id);

  return (
    <Page title={t('notifications.title')}>
      {/* Read out by screen readers when a notification arrives while the page is open. */}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {!page ? (
        <QueryState error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : (
        <>
          <div className="d-flex flex-wrap align-items-center gap-3 mb-3">
            <p className="mb-0 fw-semibold">{t('notifications.unread', { count: page.unreadCount })}</p>
            {unread.length ? (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => void markRead({ variables: { ids: unread } })}
              >
                {t('notifications.markAllRead')}
              </button>
            ) : null}
          </div>
          {items.length === 0 ? (
            <p>{t('notifications.none')}</p>
          ) : (
            <ul className="list-unstyled">
              {items.map((item) => (
                <li
                  key={item.id}
                  className={`notification-card${item.readAt ? '' : ' notification-card--unread'}`}
                >
                  <div>
                    <div className="d-flex flex-wrap justify-content-between gap-2">
                      <p className="small text-muted-strong mb-1">
                        {formatDateTime(item.createdAt, language)}
                      </p>
                      {item.readAt ? null : (
                        <strong className="status-tag status-tag-info">{t('notifications.new')}</strong>
                      )}
                    </div>
                    <p id={`notification-${item.id}`} className="mb-2 text-break">
                      {item.body}
                    </p>
                    <NotificationActions
                      event={item.event}
                      describedBy={`notification-${item.id}`}
                      onRead={
                        item.readAt ? undefined : () => void markRead({ variables: { ids: [item.id] } })
                      }
                    />
                  </div>
                </li>
              ))}
            </ul>
          )}
          {page.pageInfo.hasNextPage ? (
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() =>
                void notifications.fetchMore({
                  variables: { after: page.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    myNotifications: appendPage(previous.myNotifications, fetchMoreResult.myNotifications),
                  }),
                })
              }
            >
              {t('notifications.more')}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}

/**
 * Where the notification leads (opening it marks it read) and, while unread, marking it read; the
 * link is described by the notification's words, as several may lead to the same page.
 */
function NotificationActions({
  event,
  describedBy,
  onRead,
}: {
  event: string;
  describedBy: string;
  /** Marks it read; none once it is. */
  onRead?: () => void;
}) {
  const { t } = useCitizenTranslation();
  const link = notificationLink(event);
  if (!link && !onRead) return null;
  return (
    <div className="d-flex flex-wrap gap-3 align-items-center">
      {link ? (
        <Link to={link.to} aria-describedby={describedBy} onClick={onRead}>
          {t(`notifications.open.${link.label}`)}
        </Link>
      ) : null}
      {onRead ? (
        <button type="button" className="btn btn-link p-0" onClick={onRead}>
          {t('notifications.markRead')}
        </button>
      ) : null}
    </div>
  );
}
