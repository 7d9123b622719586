import { Module } from '@nestjs/common';
import { IdentityModule } from '@prossimo/identity';
import { ModerationModule } from '@prossimo/moderation';
import { registerMessages } from '@prossimo/platform';
import { BeneficiariesRepository } from './beneficiaries/beneficiaries.repository';
import { DeskPeopleIndexer } from './desk-people/desk-people.indexer';
import { DeskPeopleRepository } from './desk-people/desk-people.repository';
import { DeskPeopleResolver } from './desk-people/desk-people.resolver';
import { DeskPeopleService } from './desk-people/desk-people.service';
import { NeedLifecycleService } from './lifecycle/need-lifecycle.service';
import { NeedMaintenanceProcessor } from './lifecycle/need-maintenance.processor';
import { NeedModerationLink } from './moderation/need-moderation.link';
import { NeedModerationItemResolver } from './moderation/need-moderation-item.resolver';
import { NeedMaintenanceScheduler } from './lifecycle/need-maintenance.scheduler';
import {
  NeedDecisionsResolver,
  NeedPersonalFieldsResolver,
  NeedPostingResolver,
  NeedsResolver,
} from './needs/needs.resolver';
import { NeedDecisionsService } from './lifecycle/need-decisions.service';
import { NeedPersonalFieldsService } from './needs/need-personal-fields.service';
import { NeedPostingService } from './posting/need-posting.service';
import { NeedQueriesService } from './needs/need-queries.service';
import { NeedsErasure } from './personal-data/needs-erasure';
import { NeedsRepository } from './needs/needs.repository';
import { RequestsPersonalDataRepository } from './personal-data/requests-personal-data.repository';

registerMessages({
  NEED_NOT_FOUND: { it: 'Richiesta non trovata.', en: 'Need not found.' },
  NEED_TRANSITION_INVALID: {
    it: 'La richiesta non può passare dallo stato {from} allo stato {to}.',
    en: 'The need cannot move from {from} to {to}.',
  },
  NEED_WINDOW_REVERSED: {
    it: 'La fine della fascia oraria deve venire dopo l’inizio ({field}).',
    en: 'The end of the time window must come after its start ({field}).',
  },
  NEED_WINDOW_PAST: {
    it: 'La fascia oraria è già finita ({field}).',
    en: 'The time window has already ended ({field}).',
  },
  NEED_DETAILS_REQUIRED: {
    it: 'Per questa categoria servono i dettagli {field}.',
    en: 'This category needs the details {field}.',
  },
  NEED_DETAILS_NOT_FOR_CATEGORY: {
    it: 'I dettagli {field} non riguardano questa categoria.',
    en: 'The details {field} do not belong to this category.',
  },
  NEED_APPOINTMENT_OUTSIDE_WINDOW: {
    it: 'L’appuntamento deve cadere nella fascia oraria ({field}).',
    en: 'The appointment must fall inside the time window ({field}).',
  },
  NEED_RETURN_BEFORE_APPOINTMENT: {
    it: 'Il ritorno deve essere dopo l’appuntamento ({field}).',
    en: 'The return must come after the appointment ({field}).',
  },
  NEED_SLOT_REVERSED: {
    it: 'Ogni fascia settimanale deve finire dopo l’inizio ({field}).',
    en: 'Each weekly slot must end after it starts ({field}).',
  },
  NEED_CONSENT_REQUIRED: {
    it: 'Serve il consenso della persona al trattamento dei dati ({field}).',
    en: 'The person’s consent to data processing is required ({field}).',
  },
  NEED_CONSENT_DATE_FUTURE: {
    it: 'La data del consenso non può essere nel futuro ({field}).',
    en: 'The consent date cannot be in the future ({field}).',
  },
  NEED_LOCATION_FAR_FROM_COMUNE: {
    it: 'Il luogo indicato è troppo lontano dal Comune scelto ({field}).',
    en: 'The location is too far from the chosen Comune ({field}).',
  },
  NEED_LOCATION_OUTSIDE_SERVICE: {
    it: 'Il luogo indicato non è vicino ad alcun Comune italiano ({field}).',
    en: 'The location is not near any Italian Comune ({field}).',
  },
  NEED_NOT_FLAGGED: {
    it: 'Questa richiesta non è una segnalazione da esaminare.',
    en: 'This need is not a flag to review.',
  },
  HEALTH_DATA_CONSENT_REQUIRED: {
    it: 'Per salvare note sulla salute serve il consenso esplicito al trattamento dei dati sanitari ({field}): indica healthDataConsent oppure dallo da «I miei consensi».',
    en: 'Health notes can be saved only with explicit consent to process health data ({field}): set healthDataConsent or give it under "My consents".',
  },
  DESK_PERSON_NOT_FOUND: {
    it: 'Persona non trovata tra quelle del tuo territorio.',
    en: 'Person not found among those of your territory.',
  },
  DESK_SEARCH_NAME_TOO_SHORT: {
    it: 'Scrivi almeno una parola intera del nome, di due lettere o più ({field}).',
    en: 'Write at least one whole word of the name, two letters or more ({field}).',
  },
  COMUNE_NOT_FOUND: { it: 'Comune non trovato (codice ISTAT).', en: 'Comune not found (ISTAT code).' },
});

/** Needs for the API: posting, decisions, reading with field-level authorisation (one service each), lifecycle. */
@Module({
  imports: [IdentityModule, ModerationModule],
  providers: [
    NeedPostingService,
    NeedPostingResolver,
    NeedDecisionsService,
    NeedDecisionsResolver,
    NeedQueriesService,
    NeedsResolver,
    NeedPersonalFieldsService,
    NeedPersonalFieldsResolver,
    NeedLifecycleService,
    NeedModerationLink,
    NeedModerationItemResolver,
    DeskPeopleService,
    DeskPeopleResolver,
    DeskPeopleIndexer,
    NeedsRepository,
    BeneficiariesRepository,
    DeskPeopleRepository,
    NeedsErasure,
    RequestsPersonalDataRepository,
  ],
  exports: [
    NeedPostingService,
    NeedDecisionsService,
    NeedQueriesService,
    NeedPersonalFieldsService,
    NeedLifecycleService,
    NeedsErasure,
  ],
})
export class RequestsModule {}

/** Needs for the worker: the lifecycle and the periodic sweep (moderation decisions, expiry). */
@Module({
  providers: [NeedLifecycleService, NeedsRepository, NeedMaintenanceProcessor, NeedMaintenanceScheduler],
  exports: [NeedLifecycleService],
})
export class RequestsWorkerModule {}
