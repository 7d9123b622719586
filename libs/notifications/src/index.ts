import './templates/templates';

export * from './delivery/notification.entity';
export * from './notifications.module';
export * from './notifications.types';
export * from './delivery/notifications.service';
export {
  DEFAULT_QUIET_END,
  DEFAULT_QUIET_START,
  FAMILY_EVENTS,
  IN_APP_NOTIFY_CHANNEL,
  recipientsSql,
} from './delivery/notification-requests';
export type {
  NotificationRequest,
  PlannedNotification,
  Recipient,
  UserNotificationRequest,
} from './delivery/notification-requests';
export * from './replies/sms-reply.service';
export * from './reminders/engagement-notices';
export * from './sms/sms-channel';
export * from './sms/http-sms.channel';
export * from './email/email-channel';
export * from './sms/sms-segments';
export * from './templates/templates';
export * from './templates/sms-params';
export * from './webhooks/webhook-signature';
export * from './templates/ride-times';
export * from './templates/desk-contact';
export * from './preferences/family-contact.repository';
export * from './otp/otp-sender.module';
export * from './api';
export * from './notifications-personal-data.module';
export * from './erasure/notifications-erasure';
export * from './erasure/notifications-retention';
