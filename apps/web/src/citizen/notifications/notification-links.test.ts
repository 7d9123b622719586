import { describe, expect, it } from 'vitest';
import { NOTIFICATION_EVENT_LABELS } from '../../console/admin/notification-events';
import { notificationLink } from './notification-links';

describe('where a notification leads', () => {
  it('a call’s news opens the volunteer’s calls, where the answer and the organisers’ messages are', () => {
    for (const event of ['call_to_action_new', 'call_answer_accepted', 'call_closed', 'call_message']) {
      expect(notificationLink(event)).toEqual({ to: '/volontario/chiamate', label: 'calls' });
    }
  });

  it('news for one side of some help opens that side’s page; news for either side, "La mia area"', () => {
    expect(notificationLink('proposal_new')?.to).toBe('/volontario/proposte');
    expect(notificationLink('need_matched')?.to).toBe('/richieste');
    expect(notificationLink('engagement_confirmed')?.to).toBe('/volontario/impegni');
    expect(notificationLink('engagement_message')?.to).toBe('/area');
    expect(notificationLink('organisation_invitation_pending')?.to).toBe('/area');
  });

  it('a sign-in code and an event this app does not know yet lead nowhere', () => {
    expect(notificationLink('otp')).toBeNull();
    expect(notificationLink('an_event_of_tomorrow')).toBeNull();
    expect(notificationLink('toString')).toBeNull();
  });

  it('every link goes to one of the app’s own addresses', () => {
    const links = Object.keys(NOTIFICATION_EVENT_LABELS).map(notificationLink);
    for (const found of links) if (found) expect(found.to).toMatch(/^\/[a-z-/]+$/);
    expect(links.filter(Boolean).length).toBeGreaterThan(20);
  });
});
