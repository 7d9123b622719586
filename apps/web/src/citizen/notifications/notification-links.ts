import type { LabelledNotificationEvent } from '../../console/admin/notification-events';
import { VOLUNTEER_PATHS } from '../../volunteer/paths';
import { CITIZEN_PATHS } from '../paths';

/** Where a notification's reader acts on it, and the link's words (a key of notifications.open). */
export interface NotificationLink {
  to: string;
  label:
    | 'calls'
    | 'proposals'
    | 'careGroups'
    | 'myData'
    | 'myArea'
    | 'organisation'
    | 'followUp'
    | 'needs'
    | 'engagements';
}

const link = (to: string, label: NotificationLink['label']): NotificationLink => ({ to, label });
const CALLS = link(VOLUNTEER_PATHS.calls, 'calls');
const PROPOSALS = link(VOLUNTEER_PATHS.proposals, 'proposals');
const CARE_GROUPS = link(CITIZEN_PATHS.careGroups, 'careGroups');
const NEEDS = link(CITIZEN_PATHS.needs, 'needs');
const ENGAGEMENTS = link(VOLUNTEER_PATHS.engagements, 'engagements');
const ORGANISATION = link('/ente', 'organisation');
// "La mia area" says to everyone what waits for them now, their requests and their commitments:
// the place for news that concerns either side of some help, which the notification cannot tell.
const MY_AREA = link('/area', 'myArea');

/**
 * Every event the api notifies, decided once: a link, or none where no page would say more (a
 * sign-in code, news for a family contact). A new event without a decision fails the typecheck.
 */
const LINKS: Record<LabelledNotificationEvent, NotificationLink | null> = {
  otp: null,
  moderation_decision: null,
  proposal_new: PROPOSALS,
  proposal_withdrawn: PROPOSALS,
  need_matched: NEEDS,
  need_matched_family: null,
  reminder_day_before: MY_AREA,
  reminder_hour_before: MY_AREA,
  family_pickup: null,
  family_dropoff: null,
  // Either side reviews the other, each on their own page: the notification cannot tell which.
  rating_request: null,
  rating_reminder: null,
  need_unmatched_operator: link('/sportello/da-seguire', 'followUp'),
  accreditation_decision: ORGANISATION,
  engagement_cancelled: MY_AREA,
  data_export_ready: link(CITIZEN_PATHS.myData, 'myData'),
  engagement_confirmation_request: NEEDS,
  engagement_confirmed: ENGAGEMENTS,
  engagement_declined: ENGAGEMENTS,
  care_group_quote: CARE_GROUPS,
  care_group_repriced: CARE_GROUPS,
  care_group_confirmed: CARE_GROUPS,
  care_group_dissolved: CARE_GROUPS,
  organisation_invitation: ORGANISATION,
  // Not a member yet: the invitation waits in "La mia area".
  organisation_invitation_pending: MY_AREA,
  call_to_action_new: CALLS,
  call_answer_accepted: CALLS,
  call_answer_declined: CALLS,
  call_closed: CALLS,
  call_message: CALLS,
  engagement_message: MY_AREA,
  engagement_message_family: null,
};

/** The link of a notification's event; none for an event this app does not know yet. */
export function notificationLink(event: string): NotificationLink | null {
  return Object.hasOwn(LINKS, event) ? LINKS[event as LabelledNotificationEvent] : null;
}
