import { registerMessages } from '../../i18n';

// The organisation's pages (namespace "ets"), loaded with their chunks only.
export const etsIt = {
  frame: {
    breadcrumb: 'Percorso di navigazione',
    home: 'La mia organizzazione',
    sections: 'Sezioni dell’organizzazione',
    sectionsOf: 'Il lavoro di {{name}}',
    notMember: 'Non fai parte di questa organizzazione, o non esiste più.',
    backHome: 'Torna a La mia organizzazione',
  },
  section: {
    members: 'Membri e inviti',
    offers: 'Offerte di servizio',
    requests: 'Richieste e incarichi',
    reviews: 'Recensioni',
  },
  role: {
    ADMIN: 'Responsabile',
    OPERATOR: 'Operatore',
  },
  invitations: {
    title: 'Inviti per te',
    body: '{{organisation}} ti invita come {{role}}.',
    expires: 'Puoi rispondere fino al {{date}}.',
    accept: 'Accetta l’invito',
    decline: 'Rifiuta',
    declineHint: 'Se rifiuti, questa organizzazione non potrà invitarti di nuovo.',
    accepted: 'Ora fai parte di {{organisation}} come {{role}}.',
    declined: 'Hai rifiutato l’invito di {{organisation}}.',
  },
  members: {
    lead: 'Le persone che lavorano per l’organizzazione su Prossimo e gli inviti ancora senza risposta.',
    peopleTitle: 'Persone',
    noName: 'Persona senza nome',
    you: '(tu)',
    since: 'Dal {{date}}',
    phone: 'Telefono',
    revoke: 'Togli il ruolo',
    revokeConfirm:
      'Togliere il ruolo di {{role}} a {{name}}? Non potrà più lavorare per l’organizzazione su Prossimo.',
    revokeYes: 'Sì, togli il ruolo',
    revoked: 'Ruolo tolto a {{name}}.',
    inviteTitle: 'Invita una persona',
    inviteLead:
      'Scrivi il numero di cellulare: la persona riceve un SMS e accetta dall’app (chi non è ancora iscritto accetta iscrivendosi con quel numero).',
    phoneLabel: 'Numero di cellulare',
    phoneHint: 'Per esempio 333 123 4567.',
    roleLegend: 'Ruolo',
    roleHint: {
      OPERATOR: 'Risponde alle richieste, gestisce offerte e incarichi.',
      ADMIN: 'In più invita e toglie persone e chiede l’accreditamento.',
    },
    inviteSubmit: 'Invia l’invito',
    invited: 'Invito inviato a {{phone}}: ha tempo fino al {{date}} per accettare.',
    missingPhone: 'Scrivi il numero di cellulare della persona.',
    pendingTitle: 'Inviti in attesa di risposta',
    pendingNone: 'Nessun invito in attesa.',
    sentAt: 'Inviato il {{date}}',
    expiresAt: 'Scade il {{date}}',
    withdraw: 'Ritira l’invito',
    withdrawn: 'Invito a {{phone}} ritirato: non può più essere accettato.',
    operatorNote: 'Solo i responsabili invitano persone e tolgono ruoli.',
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const etsEn: Shape<typeof etsIt> = {
  frame: {
    breadcrumb: 'Breadcrumb',
    home: 'My organisation',
    sections: 'Sections of the organisation',
    sectionsOf: 'The work of {{name}}',
    notMember: 'You are not part of this organisation, or it no longer exists.',
    backHome: 'Back to My organisation',
  },
  section: {
    members: 'Members and invitations',
    offers: 'Service offers',
    requests: 'Requests and engagements',
    reviews: 'Reviews',
  },
  role: {
    ADMIN: 'Manager',
    OPERATOR: 'Operator',
  },
  invitations: {
    title: 'Invitations for you',
    body: '{{organisation}} invites you as {{role}}.',
    expires: 'You can answer until {{date}}.',
    accept: 'Accept the invitation',
    decline: 'Decline',
    declineHint: 'If you decline, this organisation cannot invite you again.',
    accepted: 'You are now part of {{organisation}} as {{role}}.',
    declined: 'You declined the invitation of {{organisation}}.',
  },
  members: {
    lead: 'The people who work for the organisation on Prossimo, and the invitations not answered yet.',
    peopleTitle: 'People',
    noName: 'Person without a name',
    you: '(you)',
    since: 'Since {{date}}',
    phone: 'Phone',
    revoke: 'Remove the role',
    revokeConfirm:
      'Remove the role of {{role}} from {{name}}? They will no longer work for the organisation on Prossimo.',
    revokeYes: 'Yes, remove the role',
    revoked: 'Role removed from {{name}}.',
    inviteTitle: 'Invite someone',
    inviteLead:
      'Write their mobile number: they get an SMS and accept in the app (someone not signed up yet accepts by signing up with that number).',
    phoneLabel: 'Mobile number',
    phoneHint: 'For example 333 123 4567.',
    roleLegend: 'Role',
    roleHint: {
      OPERATOR: 'Answers requests, manages offers and engagements.',
      ADMIN: 'Also invites and removes people and asks for accreditation.',
    },
    inviteSubmit: 'Send the invitation',
    invited: 'Invitation sent to {{phone}}: they have until {{date}} to accept.',
    missingPhone: 'Write the person’s mobile number.',
    pendingTitle: 'Invitations waiting for an answer',
    pendingNone: 'No invitations waiting.',
    sentAt: 'Sent on {{date}}',
    expiresAt: 'Expires on {{date}}',
    withdraw: 'Withdraw the invitation',
    withdrawn: 'Invitation to {{phone}} withdrawn: it can no longer be accepted.',
    operatorNote: 'Only managers invite people and remove roles.',
  },
};

registerMessages('ets', { it: etsIt, en: etsEn });
