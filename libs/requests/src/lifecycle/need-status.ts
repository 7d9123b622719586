/** Where a need is in its life (transitions in ./need-lifecycle; GraphQL name registered in ./requests.types). */
export enum NeedStatus {
  DRAFT = 'draft',
  SUBMITTED = 'submitted',
  OPEN = 'open',
  MATCHED = 'matched',
  IN_PROGRESS = 'in_progress',
  COMPLETED = 'completed',
  CANCELLED = 'cancelled',
  EXPIRED = 'expired',
  REJECTED = 'rejected',
}
