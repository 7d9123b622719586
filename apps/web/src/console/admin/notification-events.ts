// No imports: the api's typecheck reads this file too (test/web/notification-event-labels.ts).
type Language = 'it' | 'en';

/**
 * Every event the api notifies (libs/notifications NOTIFICATION_EVENTS), as the administrator reads it
 * on the undelivered notifications. One map for both languages: `npm run typecheck` checks it against
 * the api's list (test/web/notification-event-labels.ts), so a new event without a label fails there.
 */
export const NOTIFICATION_EVENT_LABELS = {
  otp: { it: 'Codice di accesso', en: 'Sign-in code' },
  moderation_decision: { it: 'Decisione di moderazione', en: 'Moderation decision' },
  proposal_new: { it: 'Nuova proposta di aiuto', en: 'New request to help' },
  proposal_withdrawn: { it: 'Proposta ritirata', en: 'Request to help withdrawn' },
  need_matched: { it: 'Richiesta accolta da qualcuno', en: 'Someone accepted a request' },
  need_matched_family: { it: 'Richiesta accolta (al familiare)', en: 'Request accepted (to the family)' },
  reminder_day_before: { it: 'Promemoria del giorno prima', en: 'Reminder the day before' },
  reminder_hour_before: { it: 'Promemoria dell’ora prima', en: 'Reminder an hour before' },
  family_pickup: { it: 'Partenza (al familiare)', en: 'Pick-up (to the family)' },
  family_dropoff: { it: 'Arrivo (al familiare)', en: 'Drop-off (to the family)' },
  rating_request: { it: 'Richiesta di recensione', en: 'Request for a review' },
  rating_reminder: { it: 'Promemoria della recensione', en: 'Review reminder' },
  need_unmatched_operator: {
    it: 'Richiesta senza aiuto (allo sportello)',
    en: 'Request without help (to the desk)',
  },
  accreditation_decision: { it: 'Decisione di accreditamento', en: 'Accreditation decision' },
  engagement_cancelled: { it: 'Aiuto annullato', en: 'Help cancelled' },
  data_export_ready: { it: 'Copia dei dati pronta', en: 'Copy of the data ready' },
  engagement_confirmation_request: { it: 'Conferma di chi ha accettato', en: 'Confirm who accepted' },
  engagement_confirmed: { it: 'Aiuto confermato', en: 'Help confirmed' },
  engagement_declined: { it: 'Aiuto non confermato', en: 'Help not confirmed' },
  care_group_quote: { it: 'Proposta di badante condivisa', en: 'Shared carer proposal' },
  care_group_repriced: { it: 'Nuova quota della badante condivisa', en: 'New shared carer share' },
  care_group_confirmed: { it: 'Badante condivisa confermata', en: 'Shared carer confirmed' },
  care_group_dissolved: { it: 'Gruppo di badante condivisa sciolto', en: 'Shared carer group ended' },
  organisation_invitation: { it: 'Invito in un’organizzazione', en: 'Invitation to an organisation' },
  organisation_invitation_pending: {
    it: 'Invito in un’organizzazione (da iscriversi)',
    en: 'Invitation to an organisation (to sign up)',
  },
  call_to_action_new: { it: 'Nuova chiamata ai volontari', en: 'New call for volunteers' },
  call_answer_accepted: { it: 'Risposta a una chiamata accolta', en: 'Answer to a call accepted' },
  call_closed: { it: 'Chiamata ai volontari chiusa', en: 'Call for volunteers closed' },
  call_message: {
    it: 'Messaggio ai volontari accettati per una chiamata',
    en: 'Message to a call’s accepted volunteers',
  },
  call_answer_declined: { it: 'Risposta a una chiamata non accolta', en: 'Answer to a call declined' },
  engagement_message: { it: 'Messaggio su un aiuto', en: 'Message about some help' },
  engagement_message_family: {
    it: 'Messaggio su un aiuto (al familiare)',
    en: 'Message about some help (to the family)',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type LabelledNotificationEvent = keyof typeof NOTIFICATION_EVENT_LABELS;

/** The event's words in `language`; an event this app does not know yet keeps its code. */
export function notificationEventLabel(event: string, language: Language): string | null {
  return Object.hasOwn(NOTIFICATION_EVENT_LABELS, event)
    ? NOTIFICATION_EVENT_LABELS[event as LabelledNotificationEvent][language]
    : null;
}
