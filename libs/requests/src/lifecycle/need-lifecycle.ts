import { NeedStatus } from './need-status';

/** Which status may follow which. Terminal statuses have no way out. */
export const NEED_TRANSITIONS: Record<NeedStatus, readonly NeedStatus[]> = {
  [NeedStatus.DRAFT]: [NeedStatus.SUBMITTED, NeedStatus.OPEN, NeedStatus.CANCELLED],
  [NeedStatus.SUBMITTED]: [NeedStatus.OPEN, NeedStatus.REJECTED, NeedStatus.CANCELLED, NeedStatus.EXPIRED],
  [NeedStatus.OPEN]: [NeedStatus.MATCHED, NeedStatus.CANCELLED, NeedStatus.EXPIRED],
  // A helper who withdraws before starting puts the need back on the market.
  [NeedStatus.MATCHED]: [NeedStatus.IN_PROGRESS, NeedStatus.OPEN, NeedStatus.CANCELLED],
  [NeedStatus.IN_PROGRESS]: [NeedStatus.COMPLETED, NeedStatus.CANCELLED],
  [NeedStatus.COMPLETED]: [],
  [NeedStatus.CANCELLED]: [],
  [NeedStatus.EXPIRED]: [],
  [NeedStatus.REJECTED]: [],
};

export function canTransition(from: NeedStatus, to: NeedStatus): boolean {
  return NEED_TRANSITIONS[from].includes(to);
}

export function isTerminal(status: NeedStatus): boolean {
  return NEED_TRANSITIONS[status].length === 0;
}
