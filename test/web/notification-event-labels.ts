// Checked by `npm run typecheck` only (nothing runs): the undelivered notifications page has words for
// every event the api sends, and none for an event it no longer sends.
import type { NotificationEvent } from '@prossimo/notifications';
import {
  type LabelledNotificationEvent,
  NOTIFICATION_EVENT_LABELS,
} from '../../apps/web/src/console/admin/notification-events';

NOTIFICATION_EVENT_LABELS satisfies Record<NotificationEvent, { it: string; en: string }>;
export const noLabelForAnUnknownEvent: [Exclude<LabelledNotificationEvent, NotificationEvent>] extends [never]
  ? true
  : false = true;
