import { canTransition, isTerminal, NEED_TRANSITIONS } from './need-lifecycle';
import { NeedStatus } from '../requests.types';

describe('need lifecycle', () => {
  it('follows the main path from submission to completion', () => {
    const path = [
      NeedStatus.DRAFT,
      NeedStatus.SUBMITTED,
      NeedStatus.OPEN,
      NeedStatus.MATCHED,
      NeedStatus.IN_PROGRESS,
      NeedStatus.COMPLETED,
    ];
    for (let index = 1; index < path.length; index++) {
      expect(canTransition(path[index - 1], path[index])).toBe(true);
    }
  });

  it('never leaves a terminal status', () => {
    const terminal = [NeedStatus.COMPLETED, NeedStatus.CANCELLED, NeedStatus.EXPIRED, NeedStatus.REJECTED];
    for (const from of terminal) {
      expect(isTerminal(from)).toBe(true);
      for (const to of Object.values(NeedStatus)) expect(canTransition(from, to)).toBe(false);
    }
  });

  it('expires only needs nobody has taken, and rejects only what waits for review', () => {
    const expirable = Object.values(NeedStatus).filter((from) => canTransition(from, NeedStatus.EXPIRED));
    expect(expirable.sort()).toEqual([NeedStatus.OPEN, NeedStatus.SUBMITTED].sort());
    const rejectable = Object.values(NeedStatus).filter((from) => canTransition(from, NeedStatus.REJECTED));
    expect(rejectable).toEqual([NeedStatus.SUBMITTED]);
  });

  it('has no self-loops and every live status can be cancelled', () => {
    for (const status of Object.values(NeedStatus)) {
      expect(NEED_TRANSITIONS[status]).not.toContain(status);
      if (!isTerminal(status)) expect(canTransition(status, NeedStatus.CANCELLED)).toBe(true);
    }
  });
});
