export * from './notifications-api.module';
export * from './notification-center.service';
