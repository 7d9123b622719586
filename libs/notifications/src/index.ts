import './templates/templates';

export * from './notification.entity';
export * from './notifications.module';
export * from './delivery/notifications.service';
export * from './sms/sms-channel';
export * from './templates/templates';
