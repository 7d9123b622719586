import { registerMessages, renderMessage, SUPPORTED_LANGUAGES } from '@prossimo/platform';

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
  'rating_reminder',
  'need_unmatched_operator',
  'accreditation_decision',
  'engagement_cancelled',
  'data_export_ready',
  'engagement_confirmation_request',
  'engagement_confirmed',
  'engagement_declined',
  'care_group_quote',
  'care_group_repriced',
  'care_group_confirmed',
  'care_group_dissolved',
  'organisation_invitation',
  'organisation_invitation_pending',
  'call_to_action_new',
  'call_answer_accepted',
  'call_answer_declined',
  'call_closed',
  'call_message',
  'engagement_message',
  'engagement_message_family',
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
    it: 'Prossimo: buone notizie! {helper} ti aiuterà per "{summary}" {when}. Per cambiare {contact}.',
    en: 'Prossimo: good news! {helper} will help you with "{summary}" {when}. To change it, {contact}.',
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
    it: 'Prossimo: promemoria, domani {time}: "{summary}" con {who}, {place}. Se non puoi, {contact}.',
    en: 'Prossimo: reminder, tomorrow {time}: "{summary}" with {who}, {place}. If you cannot make it, {contact}.',
  },
  'notification.reminder_day_before.in_app': {
    it: 'Domani {time}: "{summary}" con {who}, {place}.',
    en: 'Tomorrow {time}: "{summary}" with {who}, {place}.',
  },
  'notification.reminder_hour_before.sms': {
    it: 'Prossimo: tra un\'ora, {time}: "{summary}" con {who}, {place}.',
    en: 'Prossimo: in one hour, {time}: "{summary}" with {who}, {place}.',
  },
  'notification.reminder_hour_before.in_app': {
    it: 'Tra un\'ora, {time}: "{summary}" con {who}, {place}.',
    en: 'In one hour, {time}: "{summary}" with {who}, {place}.',
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
  // {helper} is the other side: the volunteer or service for the citizen, the citizen for the helper.
  'notification.rating_request.sms': {
    it: 'Prossimo: com\'è andata "{summary}" con {helper}? Lascia una valutazione nell\'app entro {days} giorni: ci aiuta a migliorare.',
    en: 'Prossimo: how did "{summary}" with {helper} go? Leave a review in the app within {days} days: it helps us improve.',
  },
  'notification.rating_request.in_app': {
    it: 'Com\'è andata "{summary}" con {helper}? Lascia una valutazione entro {days} giorni.',
    en: 'How did "{summary}" with {helper} go? Leave a review within {days} days.',
  },
  'notification.rating_reminder.sms': {
    it: 'Prossimo: non hai ancora valutato "{summary}" con {helper}. Bastano pochi secondi nell\'app.',
    en: 'Prossimo: you have not reviewed "{summary}" with {helper} yet. It takes a few seconds in the app.',
  },
  'notification.rating_reminder.in_app': {
    it: 'Non hai ancora valutato "{summary}" con {helper}.',
    en: 'You have not reviewed "{summary}" with {helper} yet.',
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
  'notification.engagement_confirmation_request.sms': {
    it: 'Prossimo: {helper} si offre di aiutarti per "{summary}" {when}. Conferma nell\'app o {contact}.',
    en: 'Prossimo: {helper} offers to help you with "{summary}" {when}. Confirm in the app or {contact}.',
  },
  'notification.engagement_confirmation_request.in_app': {
    it: '{helper} si offre di aiutarti per "{summary}" {when}. Confermi?',
    en: '{helper} offers to help you with "{summary}" {when}. Do you confirm?',
  },
  'notification.engagement_confirmed.sms': {
    it: 'Prossimo: confermato! "{summary}" {when}, {place}. Ora vedi indirizzo e note nell\'app.',
    en: 'Prossimo: confirmed! "{summary}" {when}, {place}. You can now see the address and notes in the app.',
  },
  'notification.engagement_confirmed.in_app': {
    it: 'Confermato: "{summary}" {when}, {place}. Ora vedi indirizzo e note.',
    en: 'Confirmed: "{summary}" {when}, {place}. You can now see the address and notes.',
  },
  'notification.engagement_declined.sms': {
    it: 'Prossimo: per "{summary}" {when} la persona ha scelto un altro aiuto. Grazie lo stesso!',
    en: 'Prossimo: for "{summary}" {when} the person chose other help. Thank you all the same!',
  },
  'notification.engagement_declined.in_app': {
    it: 'Per "{summary}" {when} la persona ha scelto un altro aiuto. Grazie lo stesso!',
    en: 'For "{summary}" {when} the person chose other help. Thank you all the same!',
  },
  'notification.care_group_quote.sms': {
    it: "Prossimo: badante condivisa con {organisation} per {households} famiglie vicine: {price} l'ora, risparmi {saving} l'ora. Conferma nell'app o allo sportello.",
    en: 'Prossimo: a carer shared by {households} nearby households with {organisation}: {price} an hour, saving {saving} an hour. Confirm in the app or at the desk.',
  },
  'notification.care_group_quote.in_app': {
    it: "Badante condivisa con {organisation} per {households} famiglie vicine: {price} l'ora, risparmi {saving} l'ora. Puoi confermare o rinunciare.",
    en: 'A carer shared by {households} nearby households with {organisation}: {price} an hour, saving {saving} an hour. You can confirm or leave.',
  },
  'notification.care_group_repriced.sms': {
    it: "Prossimo: il gruppo della badante condivisa con {organisation} è cambiato, ora siete {households}: {price} l'ora, risparmi {saving} l'ora.",
    en: 'Prossimo: the group sharing a carer with {organisation} changed, you are now {households}: {price} an hour, saving {saving} an hour.',
  },
  'notification.care_group_repriced.in_app': {
    it: "Il gruppo della badante condivisa con {organisation} è cambiato, ora siete {households}: {price} l'ora, risparmi {saving} l'ora.",
    en: 'The group sharing a carer with {organisation} changed, you are now {households}: {price} an hour, saving {saving} an hour.',
  },
  'notification.care_group_confirmed.sms': {
    it: "Prossimo: le {households} famiglie hanno confermato la badante condivisa con {organisation}, {price} l'ora. Vi contatteranno loro.",
    en: 'Prossimo: all {households} households confirmed the carer shared with {organisation}, {price} an hour. They will contact you.',
  },
  'notification.care_group_confirmed.in_app': {
    it: "Le {households} famiglie hanno confermato la badante condivisa con {organisation}, {price} l'ora.",
    en: 'All {households} households confirmed the carer shared with {organisation}, {price} an hour.',
  },
  'notification.care_group_dissolved.sms': {
    it: 'Prossimo: la badante condivisa con {organisation} non parte, le altre famiglie si sono ritirate. La tua richiesta resta aperta.',
    en: 'Prossimo: the carer shared with {organisation} will not start, the other households withdrew. Your request stays open.',
  },
  'notification.care_group_dissolved.in_app': {
    it: 'La badante condivisa con {organisation} non parte: le altre famiglie si sono ritirate. La tua richiesta resta aperta.',
    en: 'The carer shared with {organisation} will not start: the other households withdrew. Your request stays open.',
  },
  'notification.organisation_invitation.sms': {
    it: 'Prossimo: {organisation} ti invita come {role}. Per accettare registrati con questo numero entro {days} giorni.',
    en: 'Prossimo: {organisation} invites you as {role}. To accept, sign up with this number within {days} days.',
  },
  'notification.organisation_invitation.in_app': {
    it: '{organisation} ti ha aggiunto come {role}.',
    en: '{organisation} added you as {role}.',
  },
  'notification.organisation_invitation_pending.sms': {
    it: 'Prossimo: {organisation} ti invita come {role}. Apri Prossimo per accettare o rifiutare entro {days} giorni.',
    en: 'Prossimo: {organisation} invites you as {role}. Open Prossimo to accept or decline within {days} days.',
  },
  'notification.organisation_invitation_pending.in_app': {
    it: '{organisation} ti invita come {role}. Puoi accettare o rifiutare entro {days} giorni.',
    en: '{organisation} invites you as {role}. You can accept or decline within {days} days.',
  },
  'notification.call_to_action_new.sms': {
    it: 'Prossimo: si cercano volontari a {place} per "{summary}", {when}. Per candidarti rispondi SI {code} o usa l\'app.',
    en: 'Prossimo: volunteers are wanted in {place} for "{summary}", {when}. To offer your help reply YES {code} or use the app.',
  },
  'notification.call_to_action_new.in_app': {
    it: 'Si cercano volontari a {place} per "{summary}", {when}. Puoi rispondere alla chiamata.',
    en: 'Volunteers are wanted in {place} for "{summary}", {when}. You can answer the call.',
  },
  'notification.call_answer_accepted.sms': {
    it: 'Prossimo: la tua risposta a "{summary}" è stata accettata. Grazie! I dettagli sono nell\'app.',
    en: 'Prossimo: your answer to "{summary}" was accepted. Thank you! The details are in the app.',
  },
  'notification.call_answer_accepted.in_app': {
    it: 'La tua risposta a "{summary}" è stata accettata. Grazie!',
    en: 'Your answer to "{summary}" was accepted. Thank you!',
  },
  'notification.call_answer_declined.sms': {
    it: 'Prossimo: per "{summary}" non serve il tuo aiuto questa volta. Grazie lo stesso, alla prossima!',
    en: 'Prossimo: for "{summary}" your help is not needed this time. Thank you all the same!',
  },
  'notification.call_answer_declined.in_app': {
    it: 'Per "{summary}" non serve il tuo aiuto questa volta. Grazie lo stesso!',
    en: 'For "{summary}" your help is not needed this time. Thank you all the same!',
  },
  'notification.call_closed.sms': {
    it: 'Prossimo: la chiamata "{summary}" non accoglie altre risposte. La tua resta valida: ti diremo l\'esito.',
    en: 'Prossimo: the call "{summary}" takes no more answers. Yours still stands: we will tell you the outcome.',
  },
  'notification.call_closed.in_app': {
    it: 'La chiamata "{summary}" non accoglie altre risposte. La tua resta valida: ti diremo l\'esito.',
    en: 'The call "{summary}" takes no more answers. Yours still stands: we will tell you the outcome.',
  },
  // {text} is the publisher's own words to the volunteers it accepted for a call.
  'notification.call_message.sms': {
    it: 'Prossimo. {organisation} ti scrive per "{summary}": {text}',
    en: 'Prossimo. {organisation} writes to you about "{summary}": {text}',
  },
  'notification.call_message.in_app': {
    it: '{organisation} ti scrive per "{summary}": {text}',
    en: '{organisation} writes to you about "{summary}": {text}',
  },
  // {text} is the sender's own words (held for a moderator when they hold a number or an insult).
  'notification.engagement_message.sms': {
    it: 'Prossimo, messaggio di {who} per "{summary}": {text} -- Per rispondere, rispondi a questo SMS (rif. {code}).',
    en: 'Prossimo, message from {who} about "{summary}": {text} -- To answer, reply to this SMS (ref. {code}).',
  },
  'notification.engagement_message.in_app': {
    it: 'Messaggio di {who} per "{summary}": {text}',
    en: 'Message from {who} about "{summary}": {text}',
  },
  // To the family contact of the person helped (opt-in); they answer by SMS as the person would.
  'notification.engagement_message_family.sms': {
    it: 'Prossimo, messaggio di {who} per {person}: {text} -- Per rispondere, rispondi a questo SMS (rif. {code}).',
    en: 'Prossimo, message from {who} for {person}: {text} -- To answer, reply to this SMS (ref. {code}).',
  },
  'notification.engagement_message_family.in_app': {
    it: 'Messaggio di {who} per {person}: {text}',
    en: 'Message from {who} for {person}: {text}',
  },
  'notification.otp.in_app': {
    it: 'Il tuo codice di verifica è {code}.',
    en: 'Your verification code is {code}.',
  },
});

/** E-mail subjects per event (no line breaks: the subject is stored as the first line). An event
 * without one gets DEFAULT_EMAIL_SUBJECT. */
const EMAIL_SUBJECTS: Partial<Record<NotificationEvent, { it: string; en: string }>> = {
  otp: { it: 'Il tuo codice di verifica Prossimo', en: 'Your Prossimo verification code' },
  moderation_decision: {
    it: 'Il Comune ha esaminato un tuo contenuto',
    en: 'The Comune reviewed your content',
  },
  proposal_new: {
    it: 'Qualcuno chiede il tuo aiuto: {summary}',
    en: 'Someone asks for your help: {summary}',
  },
  proposal_withdrawn: { it: 'Richiesta già coperta: {summary}', en: 'Request already covered: {summary}' },
  need_matched: { it: 'Hai trovato aiuto: {summary}', en: 'You found help: {summary}' },
  need_matched_family: { it: '{person} ha trovato aiuto', en: '{person} found help' },
  reminder_day_before: { it: 'Promemoria per domani: {summary}', en: 'Reminder for tomorrow: {summary}' },
  reminder_hour_before: { it: "Tra un'ora: {summary}", en: 'In one hour: {summary}' },
  family_pickup: { it: '{helper} è passato a prendere {person}', en: '{helper} picked up {person}' },
  family_dropoff: { it: '{helper} ha riaccompagnato {person}', en: '{helper} brought {person} back' },
  rating_request: { it: "Com'è andata? {summary}", en: 'How did it go? {summary}' },
  need_unmatched_operator: {
    it: 'Richiesta ancora senza aiuto a {comune}',
    en: 'Request still without a helper in {comune}',
  },
  accreditation_decision: {
    it: "Esito dell'accreditamento di {organisation}",
    en: 'Accreditation decision for {organisation}',
  },
  rating_reminder: { it: "Com'è andata? {summary}", en: 'How did it go? {summary}' },
  engagement_message: { it: 'Nuovo messaggio di {who}', en: 'New message from {who}' },
  engagement_message_family: {
    it: 'Nuovo messaggio di {who} per {person}',
    en: 'New message from {who} for {person}',
  },
  call_to_action_new: { it: 'Si cercano volontari: {summary}', en: 'Volunteers wanted: {summary}' },
  call_answer_accepted: { it: 'Risposta accettata: {summary}', en: 'Answer accepted: {summary}' },
  call_answer_declined: { it: 'Grazie per la risposta: {summary}', en: 'Thank you for answering: {summary}' },
  call_closed: { it: 'Chiamata chiusa: {summary}', en: 'Call closed: {summary}' },
  call_message: {
    it: '{organisation} ti scrive: {summary}',
    en: '{organisation} writes to you: {summary}',
  },
  organisation_invitation: {
    it: '{organisation} ti ha aggiunto su Prossimo',
    en: '{organisation} added you on Prossimo',
  },
  organisation_invitation_pending: {
    it: '{organisation} ti invita su Prossimo',
    en: '{organisation} invites you on Prossimo',
  },
};

const DEFAULT_EMAIL_SUBJECT = { it: 'Notizie da Prossimo', en: 'News from Prossimo' };

const EMAIL_LAYOUT = {
  it: 'Buongiorno,\n\n{body}\n\nIl team di Prossimo\n\nPuoi scegliere come ricevere queste notizie nelle preferenze di Prossimo.',
  en: 'Hello,\n\n{body}\n\nThe Prossimo team\n\nYou can choose how you receive this news in your Prossimo preferences.',
};

// E-mail bodies are the in-app texts in a short letter; rendering an unknown placeholder keeps it,
// so the in-app template (with its {variables}) is read back and wrapped.
for (const event of NOTIFICATION_EVENTS) {
  const body = Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => [
      language,
      EMAIL_LAYOUT[language].replace('{body}', renderMessage(`notification.${event}.in_app`, language)),
    ]),
  ) as { it: string; en: string };
  registerMessages({
    [`notification.${event}.email`]: body,
    [`notification.${event}.email_subject`]: EMAIL_SUBJECTS[event] ?? DEFAULT_EMAIL_SUBJECT,
  });
}
