import { registerMessages } from '@prossimo/platform';

/** Notification texts per event and channel. Keys: notification.<event>.<channel>. */
export const NOTIFICATION_EVENTS = [
  'otp',
  'moderation_decision',
  'proposal_new',
  'proposal_withdrawn',
  'need_matched',
  'need_matched_family',
  'reminder_day_before',
  'reminder_hour_before',
  'family_pickup',
  'family_dropoff',
  'rating_request',
  'need_unmatched_operator',
  'accreditation_decision',
  'engagement_cancelled',
  'data_export_ready',
  'organisation_invitation',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

// SMS texts stay in the GSM-7 alphabet (no "È", no typographic quotes) so that a segment holds
// 160 characters; the unit test renders each with worst-case variables and allows 2 segments.
registerMessages({
  'notification.otp.sms': {
    it: 'Prossimo: il tuo codice di verifica è {code}. Scade tra {minutes} minuti. Non darlo a nessuno.',
    en: 'Prossimo: your verification code is {code}. It expires in {minutes} minutes. Do not share it.',
  },
  'notification.moderation_decision.sms': {
    it: 'Prossimo: il Comune ha esaminato "{summary}": {status}. Motivo: {reason}',
    en: 'Prossimo: the Comune reviewed "{summary}": {status}. Reason: {reason}',
  },
  'notification.moderation_decision.in_app': {
    it: 'Il Comune ha esaminato "{summary}": {status}. Motivo: {reason}',
    en: 'The Comune reviewed "{summary}": {status}. Reason: {reason}',
  },
  'notification.proposal_new.sms': {
    it: 'Prossimo: {citizen} chiede aiuto: {summary}, {when}, {place}. Rispondi SI {code} per accettare o NO {code} per rifiutare.',
    en: 'Prossimo: {citizen} asks for help: {summary}, {when}, {place}. Reply YES {code} to accept or NO {code} to decline.',
  },
  'notification.proposal_new.in_app': {
    it: '{citizen} chiede aiuto: {summary}, {when}, {place}. Puoi accettare o rifiutare.',
    en: '{citizen} asks for help: {summary}, {when}, {place}. You can accept or decline.',
  },
  'notification.proposal_withdrawn.sms': {
    it: 'Prossimo: la richiesta "{summary}" del {when} ha già trovato aiuto. Grazie lo stesso, alla prossima!',
    en: 'Prossimo: the request "{summary}" on {when} has already found help. Thank you all the same!',
  },
  'notification.proposal_withdrawn.in_app': {
    it: 'La richiesta "{summary}" del {when} ha già trovato aiuto. Grazie lo stesso!',
    en: 'The request "{summary}" on {when} has already found help. Thank you all the same!',
  },
  'notification.need_matched.sms': {
    it: 'Prossimo: buone notizie! {helper} ti aiuterà per "{summary}" {when}. Per cambiare chiama {contact}.',
    en: 'Prossimo: good news! {helper} will help you with "{summary}" {when}. To change it call {contact}.',
  },
  'notification.need_matched.in_app': {
    it: '{helper} ti aiuterà per "{summary}" {when}.',
    en: '{helper} will help you with "{summary}" {when}.',
  },
  'notification.need_matched_family.sms': {
    it: 'Prossimo: {person} ha trovato aiuto per "{summary}" {when}: se ne occupa {helper}.',
    en: 'Prossimo: {person} found help for "{summary}" {when}: {helper} will take care of it.',
  },
  'notification.need_matched_family.in_app': {
    it: '{person} ha trovato aiuto per "{summary}" {when}: se ne occupa {helper}.',
    en: '{person} found help for "{summary}" {when}: {helper} will take care of it.',
  },
  'notification.reminder_day_before.sms': {
    it: 'Prossimo: promemoria, domani {time} "{summary}" con {who}, {place}. Se non puoi chiama {contact}.',
    en: 'Prossimo: reminder, tomorrow {time} "{summary}" with {who}, {place}. If you cannot make it call {contact}.',
  },
  'notification.reminder_day_before.in_app': {
    it: 'Domani {time}: "{summary}" con {who}, {place}.',
    en: 'Tomorrow {time}: "{summary}" with {who}, {place}.',
  },
  'notification.reminder_hour_before.sms': {
    it: 'Prossimo: tra un\'ora, alle {time}, "{summary}" con {who}, {place}.',
    en: 'Prossimo: in one hour, at {time}, "{summary}" with {who}, {place}.',
  },
  'notification.reminder_hour_before.in_app': {
    it: 'Tra un\'ora, alle {time}: "{summary}" con {who}, {place}.',
    en: 'In one hour, at {time}: "{summary}" with {who}, {place}.',
  },
  'notification.family_pickup.sms': {
    it: 'Prossimo: alle {time} {helper} è passato a prendere {person} per "{summary}".',
    en: 'Prossimo: at {time} {helper} picked up {person} for "{summary}".',
  },
  'notification.family_pickup.in_app': {
    it: 'Alle {time} {helper} è passato a prendere {person} per "{summary}".',
    en: 'At {time} {helper} picked up {person} for "{summary}".',
  },
  'notification.family_dropoff.sms': {
    it: 'Prossimo: alle {time} {helper} ha riaccompagnato {person} a {place}.',
    en: 'Prossimo: at {time} {helper} brought {person} back to {place}.',
  },
  'notification.family_dropoff.in_app': {
    it: 'Alle {time} {helper} ha riaccompagnato {person} a {place}.',
    en: 'At {time} {helper} brought {person} back to {place}.',
  },
  'notification.rating_request.sms': {
    it: 'Prossimo: com\'è andata "{summary}" con {helper}? Rispondi con un voto da 1 a 5 o apri {link}',
    en: 'Prossimo: how did "{summary}" with {helper} go? Reply with a score from 1 to 5 or open {link}',
  },
  'notification.rating_request.in_app': {
    it: 'Com\'è andata "{summary}" con {helper}? Lascia una valutazione.',
    en: 'How did "{summary}" with {helper} go? Leave a rating.',
  },
  'notification.need_unmatched_operator.sms': {
    it: 'Prossimo: la richiesta "{summary}" a {comune} per {when} non ha ancora un aiuto dopo {hours} ore.',
    en: 'Prossimo: the request "{summary}" in {comune} for {when} still has no helper after {hours} hours.',
  },
  'notification.need_unmatched_operator.in_app': {
    it: 'La richiesta "{summary}" a {comune} per {when} non ha ancora un aiuto dopo {hours} ore.',
    en: 'The request "{summary}" in {comune} for {when} still has no helper after {hours} hours.',
  },
  'notification.accreditation_decision.sms': {
    it: 'Prossimo: la domanda di accreditamento di {organisation} è stata {decision}. {reason}',
    en: 'Prossimo: the accreditation request of {organisation} was {decision}. {reason}',
  },
  'notification.accreditation_decision.in_app': {
    it: 'La domanda di accreditamento di {organisation} è stata {decision}. {reason}',
    en: 'The accreditation request of {organisation} was {decision}. {reason}',
  },
  'notification.engagement_cancelled.sms': {
    it: 'Prossimo: l\'impegno per "{summary}" del {when} è annullato: {reason}. Il Comune cerca un\'alternativa.',
    en: 'Prossimo: the engagement for "{summary}" on {when} is cancelled: {reason}. The Comune looks for another way.',
  },
  'notification.engagement_cancelled.in_app': {
    it: 'L\'impegno per "{summary}" del {when} è annullato: {reason}.',
    en: 'The engagement for "{summary}" on {when} is cancelled: {reason}.',
  },
  'notification.data_export_ready.sms': {
    it: "Prossimo: la copia dei tuoi dati è pronta nell'app. Puoi scaricarla per {hours} ore.",
    en: 'Prossimo: the copy of your data is ready in the app. You can download it for {hours} hours.',
  },
  'notification.data_export_ready.in_app': {
    it: 'La copia dei tuoi dati è pronta: puoi scaricarla per {hours} ore.',
    en: 'The copy of your data is ready: you can download it for {hours} hours.',
  },
  'notification.organisation_invitation.sms': {
    it: 'Prossimo: {organisation} ti invita come {role}. Per accettare registrati con questo numero entro {days} giorni.',
    en: 'Prossimo: {organisation} invites you as {role}. To accept, sign up with this number within {days} days.',
  },
  'notification.organisation_invitation.in_app': {
    it: '{organisation} ti ha aggiunto come {role}.',
    en: '{organisation} added you as {role}.',
  },
  'notification.otp.in_app': {
    it: 'Il tuo codice di verifica è {code}.',
    en: 'Your verification code is {code}.',
  },
});
