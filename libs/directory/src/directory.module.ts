import { Module } from '@nestjs/common';
import { IdentityModule } from '@prossimo/identity';
import { ModerationModule } from '@prossimo/moderation';
import { NotificationsModule } from '@prossimo/notifications';
import { registerMessages } from '@prossimo/platform';
import { TerritoryModule } from '@prossimo/territory';
import { ServiceOfferResolver } from './offers/service-offer.resolver';
import { OrganisationResolver } from './organisations/organisation.resolver';
import { ServiceOfferQueries } from './offers/service-offer-queries.service';
import { ServiceOfferSearchRepository } from './offers/service-offer-search.repository';
import { ServiceOfferService } from './offers/service-offer.service';
import { ServiceOffersRepository } from './offers/service-offers.repository';
import { OptionalAuthGuard } from './access/optional-auth.guard';
import { AccreditationService } from './organisations/accreditation.service';
import { AccreditationsRepository } from './organisations/accreditations.repository';
import { OrganisationMembersRepository } from './organisations/organisation-members.repository';
import { OrganisationMembersService } from './organisations/organisation-members.service';
import { OrganisationService } from './organisations/organisation.service';
import { OrganisationAccountErasure } from './organisations/organisation-erasure';
import { OrganisationPersonalDataRepository } from './organisations/organisation-personal-data.repository';
import { OrganisationsRepository } from './organisations/organisations.repository';

registerMessages({
  // Role names inside the invitation SMS.
  'organisation_role.admin': { it: 'amministratore', en: 'administrator' },
  'organisation_role.operator': { it: 'operatore', en: 'operator' },
  // The decision inside the accreditation notice: "la domanda ... è stata {decision}".
  'accreditation_decision.accredited': { it: 'accolta', en: 'approved' },
  'accreditation_decision.rejected': { it: 'respinta', en: 'rejected' },
  'accreditation_decision.suspended': { it: 'sospesa', en: 'suspended' },
  CODICE_FISCALE_INVALID: {
    it: 'Il codice fiscale non è valido: controlla lunghezza e cifra di controllo (campo {field}).',
    en: 'The codice fiscale is not valid: check its length and check digit (field {field}).',
  },
  PARTITA_IVA_INVALID: {
    it: 'La partita IVA non è valida: controlla le 11 cifre e la cifra di controllo (campo {field}).',
    en: 'The partita IVA is not valid: check the 11 digits and the check digit (field {field}).',
  },
  ORGANISATION_ALREADY_REGISTERED: {
    it: 'Un’organizzazione con questo codice fiscale è già registrata.',
    en: 'An organisation with this codice fiscale is already registered.',
  },
  ORGANISATION_NOT_FOUND: { it: 'Organizzazione non trovata.', en: 'Organisation not found.' },
  ORGANISATION_INVITATION_LIMIT: {
    it: 'Hai raggiunto il numero massimo di inviti per oggi ({max}). Riprova domani.',
    en: 'You have reached the most invitations for today ({max}). Try again tomorrow.',
  },
  ORGANISATION_INVITATION_NOT_FOUND: {
    it: 'Invito non trovato, scaduto o già risposto.',
    en: 'Invitation not found, expired or already answered.',
  },
  ORGANISATION_LAST_ADMIN: {
    it: 'Non puoi rimuovere l’ultimo amministratore dell’organizzazione.',
    en: 'You cannot remove the last administrator of the organisation.',
  },
  ACCREDITATION_NOT_FOUND: {
    it: 'Richiesta di accreditamento non trovata.',
    en: 'Accreditation request not found.',
  },
  ACCREDITATION_TRANSITION_INVALID: {
    it: 'Non si può passare dallo stato {from} allo stato {to}.',
    en: 'The accreditation cannot move from {from} to {to}.',
  },
  SCHEDULE_DAY_INVALID: {
    it: 'Il giorno della settimana va da 1 (lunedì) a 7 (domenica) (campo {field}).',
    en: 'The day of the week goes from 1 (Monday) to 7 (Sunday) (field {field}).',
  },
  SCHEDULE_TIME_INVALID: {
    it: 'Scrivi l’ora come HH:MM, ad esempio 09:30 (campo {field}).',
    en: 'Write the time as HH:MM, for example 09:30 (field {field}).',
  },
  SCHEDULE_END_BEFORE_START: {
    it: 'L’orario di fine deve essere dopo l’inizio (campo {field}).',
    en: 'The end time must be after the start (field {field}).',
  },
  SCHEDULE_OVERLAP: {
    it: 'Questa fascia oraria si sovrappone a un’altra dello stesso giorno (campo {field}).',
    en: 'This time slot overlaps another one on the same day (field {field}).',
  },
  PRICE_FIELD_NOT_ALLOWED: {
    it: 'Il campo {field} non si usa con il modello di prezzo {model}.',
    en: 'The field {field} is not used with the price model {model}.',
  },
  PRICE_AMOUNT_INVALID: {
    it: 'L’importo in centesimi deve essere un numero intero positivo, al massimo {max} (campo {field}).',
    en: 'The amount in cents must be a positive whole number, at most {max} (field {field}).',
  },
  PRICE_BANDS_INVALID: {
    it: 'Le fasce di prezzo non sono valide: la prima è per 1 persona, le persone crescono e il prezzo a testa non aumenta (campo {field}).',
    en: 'The price bands are not valid: the first is for 1 person, people increase and the price each does not rise (field {field}).',
  },
  LANGUAGE_INVALID: {
    it: 'Lingua non riconosciuta: usa il codice ISO 639-1 di due lettere, ad esempio "it" (campo {field}).',
    en: 'Unknown language: use the two-letter ISO 639-1 code, for example "en" (field {field}).',
  },
  AREA_AMBIGUOUS: {
    it: 'Indica l’area come elenco di Comuni oppure come centro e raggio, non entrambi.',
    en: 'Give the area either as a list of Comuni or as a centre and radius, not both.',
  },
  AREA_OUTSIDE_ITALY: {
    it: 'Il centro dell’area è troppo lontano da ogni Comune italiano.',
    en: 'The centre of the area is too far from every Italian Comune.',
  },
  SERVICE_OFFER_NOT_FOUND: { it: 'Servizio non trovato.', en: 'Service offer not found.' },
  SERVICE_OFFER_ARCHIVED: {
    it: 'Questo servizio è archiviato e non si può modificare.',
    en: 'This service offer is archived and cannot be changed.',
  },
  SERVICE_OFFER_NOT_ACTIVE: {
    it: 'Si può sospendere solo un servizio attivo.',
    en: 'Only an active service offer can be paused.',
  },
  SERVICE_OFFER_NOT_PAUSED: {
    it: 'Questo servizio non è sospeso.',
    en: 'This service offer is not paused.',
  },
  SEARCH_DISTANCE_NEEDS_NEAR: {
    it: 'Per ordinare per distanza indica un punto di partenza (near).',
    en: 'To order by distance, give a starting point (near).',
  },
  SEARCH_RELEVANCE_NEEDS_TEXT: {
    it: 'Per ordinare per pertinenza indica le parole da cercare (text).',
    en: 'To order by relevance, give the words to search for (text).',
  },
});

@Module({
  imports: [IdentityModule, TerritoryModule, ModerationModule, NotificationsModule],
  providers: [
    OrganisationService,
    OrganisationMembersService,
    AccreditationService,
    ServiceOfferService,
    ServiceOfferQueries,
    OrganisationResolver,
    ServiceOfferResolver,
    OptionalAuthGuard,
    OrganisationAccountErasure,
    OrganisationsRepository,
    OrganisationMembersRepository,
    AccreditationsRepository,
    OrganisationPersonalDataRepository,
    ServiceOffersRepository,
    ServiceOfferSearchRepository,
  ],
  exports: [
    OrganisationService,
    OrganisationMembersService,
    AccreditationService,
    ServiceOfferService,
    ServiceOfferQueries,
  ],
})
export class DirectoryModule {}
