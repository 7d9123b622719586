// The conversation's messages, added under the "conversation" key when a page that shows it loads.
// Italian first; English has the same keys (its type checks it).
import type { Shape } from '../i18n/shape';

export const conversationIt = {
  title: 'Messaggi',
  leadHelper:
    'Scrivi alla persona che aiuti, ad esempio se sei in ritardo. Il tuo numero resta privato: il messaggio le arriva anche per SMS.',
  leadCitizen:
    'Scrivi a {{name}}, ad esempio per dire dove aspetti. Il tuo numero resta privato: il messaggio arriva anche per SMS.',
  none: 'Ancora nessun messaggio.',
  older: 'Mostra i messaggi precedenti',
  you: 'Tu',
  viaSms: 'per SMS',
  held: 'Il Comune controlla questo messaggio prima di consegnarlo: contiene un numero, un indirizzo o una parola non adatta.',
  body: 'Scrivi un messaggio',
  bodyHint:
    'Al massimo {{max}} caratteri. Non scrivere numeri di telefono né indirizzi: i messaggi restano in Prossimo.',
  remaining_one: 'Resta {{count}} carattere.',
  remaining_other: 'Restano {{count}} caratteri.',
  tooLong_one: 'Il messaggio è troppo lungo di {{count}} carattere: al massimo {{max}}.',
  tooLong_other: 'Il messaggio è troppo lungo di {{count}} caratteri: al massimo {{max}}.',
  required: 'Scrivi il messaggio',
  send: 'Invia il messaggio',
  sent: 'Messaggio inviato.',
  sentHeld: 'Messaggio inviato. Prima di consegnarlo lo controlla il Comune.',
  loading: 'Carichiamo i messaggi…',
};

export const conversationEn: Shape<typeof conversationIt> = {
  title: 'Messages',
  leadHelper:
    'Write to the person you are helping, for example if you are late. Your number stays private: they also get the message by SMS.',
  leadCitizen:
    'Write to {{name}}, for example to say where you are waiting. Your number stays private: the message also goes by SMS.',
  none: 'No messages yet.',
  older: 'Show earlier messages',
  you: 'You',
  viaSms: 'by SMS',
  held: 'The Comune checks this message before delivering it: it holds a number, an address or an unsuitable word.',
  body: 'Write a message',
  bodyHint: 'At most {{max}} characters. Do not write phone numbers or addresses: messages stay in Prossimo.',
  remaining_one: '{{count}} character left.',
  remaining_other: '{{count}} characters left.',
  tooLong_one: 'The message is {{count}} character too long: at most {{max}}.',
  tooLong_other: 'The message is {{count}} characters too long: at most {{max}}.',
  required: 'Write the message',
  send: 'Send the message',
  sent: 'Message sent.',
  sentHeld: 'Message sent. The Comune checks it before delivering it.',
  loading: 'Loading the messages…',
};
