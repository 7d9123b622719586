// The library's pure rules: no Nest, TypeORM or database; loading this file loads none of them
// (rules-entry-points.spec.ts in libs/platform checks it). Import it as `@prossimo/notifications/rules`.
export * from './sms/sms-segments';
export * from './templates/sms-params';
export * from './templates/ride-times';
export * from './preferences/quiet-hours';
export * from './webhooks/webhook-signature';
export * from './delivery/grouped-round-trip';
