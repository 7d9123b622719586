import { EngagementStatus } from '../engagements/engagement-rules';
import { messageHeldReasons, messageIsUrgent, messagesOpen, retryAfterSeconds } from './message-rules';

const NOW = new Date('2026-03-29T10:00:00Z');
const DAY = 24 * 3600_000;

describe('messagesOpen', () => {
  it.each([EngagementStatus.AWAITING_CONFIRMATION, EngagementStatus.CONFIRMED, EngagementStatus.IN_PROGRESS])(
    'is open while %s',
    (status) => {
      expect(messagesOpen(status, null, NOW, 7)).toBe(true);
    },
  );

  it('stays open for the given days after completion, then closes', () => {
    const completed = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY);
    expect(messagesOpen(EngagementStatus.COMPLETED, completed(6.9), NOW, 7)).toBe(true);
    expect(messagesOpen(EngagementStatus.COMPLETED, completed(7), NOW, 7)).toBe(false);
    expect(messagesOpen(EngagementStatus.COMPLETED, completed(0), NOW, 0)).toBe(false);
  });

  it.each([EngagementStatus.CANCELLED, EngagementStatus.NO_SHOW])('is closed once %s', (status) => {
    expect(messagesOpen(status, NOW, NOW, 7)).toBe(false);
  });
});

describe('messageHeldReasons', () => {
  it('holds numbers, addresses and insults, not health words', () => {
    expect(messageHeldReasons(['health'])).toEqual([]);
    expect(messageHeldReasons(['phone', 'health', 'insult', 'email'])).toEqual(['phone', 'insult', 'email']);
  });
});

describe('retryAfterSeconds', () => {
  it('counts until the oldest message of the hour leaves it', () => {
    expect(retryAfterSeconds(new Date(NOW.getTime() - 3590_000), NOW)).toBe(10);
    expect(retryAfterSeconds(new Date(NOW.getTime() - 3600_000), NOW)).toBe(1);
  });
});

describe('messageIsUrgent', () => {
  const inHours = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);

  it('is urgent under way and within a day of the start, not before nor once over', () => {
    expect(messageIsUrgent(EngagementStatus.IN_PROGRESS, inHours(-2), NOW)).toBe(true);
    expect(messageIsUrgent(EngagementStatus.CONFIRMED, inHours(23.9), NOW)).toBe(true);
    expect(messageIsUrgent(EngagementStatus.CONFIRMED, inHours(24), NOW)).toBe(false);
    expect(messageIsUrgent(EngagementStatus.COMPLETED, inHours(-20), NOW)).toBe(false);
  });
});
