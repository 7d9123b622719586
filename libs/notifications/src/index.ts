import './templates/templates';

export * from './notification.entity';
export * from './notifications.module';
export * from './notifications.types';
export * from './delivery/notifications.service';
export * from './replies/sms-reply.service';
export * from './reminders/engagement-notices';
export * from './sms/sms-channel';
export * from './email/email-channel';
export * from './sms/sms-segments';
export * from './templates/templates';
export * from './templates/sms-params';
// The GraphQL/webhook module lives in ./api (it depends on @prossimo/identity, which depends on
// this index): the api imports it by path to avoid a circular import.
export * from './webhooks/webhook-signature';
export * from './templates/ride-times';
export * from './templates/desk-contact';
