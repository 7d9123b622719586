export * from './outbox';
export * from './outbox-relay.service';
export * from './queue-reconciler.service';
export * from './outbox-reconcile.processor';
export * from './outbox.repository';
