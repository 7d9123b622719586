import { registerMessages } from '@prossimo/platform';

/** Notification texts per event and channel. Keys: notification.<event>.<channel>. */
export const NOTIFICATION_EVENTS = ['otp', 'moderation_decision'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

registerMessages({
  'notification.otp.sms': {
    it: 'Prossimo: il tuo codice di verifica è {code}. Scade tra {minutes} minuti. Non darlo a nessuno.',
    en: 'Prossimo: your verification code is {code}. It expires in {minutes} minutes. Do not share it.',
  },
  'notification.moderation_decision.sms': {
    it: 'Prossimo: il Comune ha esaminato "{summary}": {status}. Motivo: {reason}',
    en: 'Prossimo: the Comune reviewed "{summary}": {status}. Reason: {reason}',
  },
});
