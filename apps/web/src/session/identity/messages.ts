import { registerMessages } from '../../i18n';

// SPID and CIE sign-in (namespace "identity"): loaded with the sign-in page and the step-up notice.
const identityIt = {
  title: 'Con SPID o CIE',
  lead: 'Se hai SPID o la Carta d’identità elettronica, entra con quelle: non serve il codice per SMS. Se è la prima volta, creiamo il tuo account.',
  spid: 'Entra con SPID',
  cie: 'Entra con CIE',
  chooseProvider: 'Scegli il tuo gestore di identità SPID',
  spidMore: 'Maggiori informazioni su SPID',
  spidNone: 'Non hai SPID?',
  spidHelp: 'Serve aiuto?',
  leaving: 'Ti stiamo portando a {{provider}}…',
  level: 'Ti chiederemo SPID di livello 2 (password e un secondo fattore, come un codice o una notifica).',
  failureTitle: {
    cancelled: 'Accesso annullato',
    other: 'Accesso con SPID o CIE non riuscito',
  },
  failure: {
    cancelled:
      'Hai annullato l’accesso con SPID o CIE, nessun dato è stato condiviso. Puoi riprovare o entrare con il numero di cellulare.',
    state_invalid:
      'La richiesta di accesso è scaduta o è già stata usata (ad esempio tornando indietro nel browser). Ricomincia da questa pagina.',
    provider_untrusted:
      'Non possiamo verificare il gestore di identità scelto nella federazione SPID/CIE. Riprova più tardi, scegli un altro gestore o entra con il numero di cellulare.',
    token_invalid:
      'Non siamo riusciti a verificare la risposta del gestore di identità. Riprova; se succede ancora, entra con il numero di cellulare.',
    level_too_low:
      'Il gestore di identità ha confermato un livello di sicurezza più basso di quello richiesto. Riprova e scegli SPID di livello 2 o superiore.',
    identity_incomplete:
      'Il gestore di identità non ci ha dato il tuo codice fiscale, che serve per entrare con SPID o CIE. Riprova e acconsenti a condividerlo.',
    codice_fiscale_taken:
      'Questa identità SPID o CIE appartiene a un altro account di Prossimo. Esci e poi entra con SPID o CIE; se l’account non è tuo, contatta lo sportello del tuo Comune.',
    account_suspended: 'Questo account è sospeso. Contatta lo sportello del tuo Comune.',
    session_lost:
      'Il gestore di identità ti ha riconosciuto, ma il browser non ha conservato l’accesso. Controlla che i cookie di questo sito non siano bloccati e riprova.',
    failed:
      'Qualcosa non ha funzionato durante l’accesso. Riprova tra poco o entra con il numero di cellulare.',
  },
  stepUpHint: 'Dopo l’accesso torni a questa pagina.',
};

const identityEn: typeof identityIt = {
  title: 'With SPID or CIE',
  lead: 'If you have SPID or an electronic identity card (CIE), sign in with them: no SMS code needed. If it is your first time, we create your account.',
  spid: 'Sign in with SPID',
  cie: 'Sign in with CIE',
  chooseProvider: 'Choose your SPID identity provider',
  spidMore: 'More about SPID',
  spidNone: 'No SPID yet?',
  spidHelp: 'Need help?',
  leaving: 'Taking you to {{provider}}…',
  level: 'We ask for SPID level 2 (password and a second factor, such as a code or a notification).',
  failureTitle: {
    cancelled: 'Sign-in cancelled',
    other: 'Sign-in with SPID or CIE did not work',
  },
  failure: {
    cancelled:
      'You cancelled the sign-in with SPID or CIE; no data was shared. You can try again or sign in with your mobile number.',
    state_invalid:
      'The sign-in request has expired or was already used (for example by going back in the browser). Start again from this page.',
    provider_untrusted:
      'We cannot verify the chosen identity provider in the SPID/CIE federation. Try again later, choose another provider or sign in with your mobile number.',
    token_invalid:
      'We could not verify the identity provider’s answer. Try again; if it happens again, sign in with your mobile number.',
    level_too_low:
      'The identity provider confirmed a lower security level than the one asked for. Try again and choose SPID level 2 or above.',
    identity_incomplete:
      'The identity provider did not give us your codice fiscale, which signing in with SPID or CIE needs. Try again and agree to share it.',
    codice_fiscale_taken:
      'This SPID or CIE identity belongs to another Prossimo account. Sign out, then sign in with SPID or CIE; if that account is not yours, contact your Comune’s desk.',
    account_suspended: 'This account is suspended. Please contact your Comune’s desk.',
    session_lost:
      'The identity provider recognised you, but the browser did not keep the sign-in. Check that this site’s cookies are not blocked and try again.',
    failed: 'Something went wrong during the sign-in. Try again shortly or sign in with your mobile number.',
  },
  stepUpHint: 'After signing in you come back to this page.',
};

registerMessages('identity', { it: identityIt, en: identityEn });
