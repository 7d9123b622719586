import { NotificationEvent } from '../templates/templates';

export type PreferenceChannel = 'sms' | 'email' | 'in_app' | 'io';

/**
 * Channels used when the user has not chosen: SMS for what a person must not miss (many
 * users never open the app), in-app only for staff work items. E-mail only when chosen (an
 * address is optional).
 */
export function defaultChannelsFor(event: NotificationEvent): PreferenceChannel[] {
  switch (event) {
    case 'need_unmatched_operator':
    case 'data_export_ready':
      return ['in_app'];
    // Pickup and drop-off news and the engagement's messages for the family contact are opt-in.
    case 'family_pickup':
    case 'family_dropoff':
    case 'engagement_message_family':
      return [];
    case 'rating_request':
    case 'rating_reminder':
    case 'moderation_decision':
    case 'accreditation_decision':
      return ['in_app', 'sms'];
    default:
      return ['sms', 'in_app'];
  }
}
