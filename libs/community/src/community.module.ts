import { Module, OnModuleInit } from '@nestjs/common';
import { IdentityModule, UserRolesRepository } from '@prossimo/identity';
import { ContentType, ModerationModule, ModerationService } from '@prossimo/moderation';
import { NotificationsModule, SmsReplyService } from '@prossimo/notifications';
import { DomainError, registerMessages } from '@prossimo/platform';
import { CallMessagesRepository } from './calls/call-messages.repository';
import { CallMessagesService } from './calls/call-messages.service';
import { CallPublishers } from './calls/call-publishers';
import { CallResolver } from './calls/call.resolver';
import { CallService } from './calls/call.service';
import { CallNoticesRepository } from './calls/call-notices.repository';
import { CALL_REPLY_TARGET, CallVolunteersProcessor } from './calls/call-volunteers.processor';
import { CallsRepository } from './calls/calls.repository';
import { CommunityPersonalDataModule } from './community-personal-data.module';
import { OfferResolver } from './offers/offer.resolver';
import { JoinRequestService } from './offers/join-request.service';
import { JoinRequestsRepository } from './offers/join-requests.repository';
import { OfferService } from './offers/offer.service';
import { OffersRepository } from './offers/offers.repository';
import { ReferenceReadsRepository } from './reference/reference-reads.repository';
import { VolunteerResolver } from './volunteers/volunteer.resolver';
import { VolunteerService } from './volunteers/volunteer.service';
import { VolunteerAccountErasure } from './volunteers/volunteer-erasure';
import { VolunteersRepository } from './volunteers/volunteers.repository';

registerMessages({
  POINT_NOT_NEAR_COMUNE: {
    it: 'Il punto indicato ({field}) non è vicino a nessun Comune italiano.',
    en: 'The point given ({field}) is not near any Italian Comune.',
  },
  VOLUNTEER_PROFILE_REQUIRED: {
    it: 'Prima crea il tuo profilo da volontario.',
    en: 'Create your volunteer profile first.',
  },
  VOLUNTEER_PROFILE_NOT_FOUND: { it: 'Profilo volontario non trovato.', en: 'Volunteer profile not found.' },
  AFFILIATION_ORGANISATION_NOT_FOUND: {
    it: "L'organizzazione indicata non esiste.",
    en: 'The organisation given does not exist.',
  },
  AVAILABILITY_WINDOW_KIND: {
    it: 'Indica una fascia settimanale oppure una fascia singola, non entrambe.',
    en: 'Give either a weekly window or a one-off window, not both.',
  },
  AVAILABILITY_END_NOT_AFTER_START: {
    it: 'Il campo {field} deve venire dopo l’inizio.',
    en: 'The field {field} must come after the start.',
  },
  AVAILABILITY_IN_THE_PAST: {
    it: 'Il campo {field} è nel passato.',
    en: 'The field {field} is in the past.',
  },
  AVAILABILITY_TOO_LONG: {
    it: 'Una fascia singola può durare al massimo 31 giorni ({field}).',
    en: 'A one-off window can last at most 31 days ({field}).',
  },
  AVAILABILITY_TOO_MANY_WINDOWS: {
    it: 'Puoi indicare al massimo {max} fasce di disponibilità.',
    en: 'You can have at most {max} availability windows.',
  },
  AVAILABILITY_WINDOW_NOT_FOUND: {
    it: 'Fascia di disponibilità non trovata.',
    en: 'Availability window not found.',
  },
  SEARCH_AREA_REQUIRED: {
    it: 'Indica un Comune oppure un punto (lat, lon) con un raggio.',
    en: 'Give a Comune or a point (lat, lon) with a radius.',
  },
  SEARCH_AREA_ONE_OF: {
    it: 'Indica un Comune oppure un punto, non entrambi.',
    en: 'Give a Comune or a point, not both.',
  },
  VOLUNTEER_OFFER_DETAILS: {
    it: 'Per un passaggio servono i dati del viaggio (ride); per una competenza, i giorni e gli orari (skill).',
    en: 'A ride needs the trip details (ride); a skill needs the days and times (skill).',
  },
  VOLUNTEER_OFFER_IN_THE_PAST: {
    it: 'Il campo {field} è nel passato.',
    en: 'The field {field} is in the past.',
  },
  VEHICLE_REQUIRED: {
    it: 'Per offrire passaggi indica un veicolo nel tuo profilo.',
    en: 'To offer rides, add a vehicle to your profile.',
  },
  RIDE_SEATS_OVER_VEHICLE: {
    it: 'Il tuo veicolo ha {seats} posti per passeggeri.',
    en: 'Your vehicle has {seats} passenger seats.',
  },
  VEHICLE_NOT_ACCESSIBLE: {
    it: 'Il veicolo del tuo profilo non è indicato come accessibile in carrozzina.',
    en: 'The vehicle in your profile is not marked as wheelchair accessible.',
  },
  VOLUNTEER_OFFER_NOT_FOUND: { it: 'Offerta non trovata.', en: 'Offer not found.' },
  VOLUNTEER_OFFER_CLOSED: {
    it: 'Questa offerta non è più disponibile.',
    en: 'This offer is no longer available.',
  },
  JOIN_OWN_OFFER: {
    it: 'Non puoi chiedere di partecipare alla tua offerta.',
    en: 'You cannot ask to join your own offer.',
  },
  JOIN_REQUEST_EXISTS: {
    it: 'Hai già una richiesta attiva per questa offerta.',
    en: 'You already have an active request for this offer.',
  },
  NOT_ENOUGH_SEATS: {
    it: 'Posti rimasti: {seatsLeft}.',
    en: 'Seats left: {seatsLeft}.',
  },
  JOIN_REQUEST_NOT_FOUND: { it: 'Richiesta non trovata.', en: 'Request not found.' },
  JOIN_REQUEST_NOT_PENDING: {
    it: 'Questa richiesta è già stata decisa.',
    en: 'This request has already been decided.',
  },
  JOIN_REQUEST_NOT_ACTIVE: {
    it: 'Questa richiesta non è più attiva.',
    en: 'This request is no longer active.',
  },
  CALL_IN_THE_PAST: { it: 'La chiamata terminerebbe nel passato.', en: 'The call would end in the past.' },
  CALL_ORGANISATION_NOT_FOUND: {
    it: "L'organizzazione indicata non esiste.",
    en: 'The organisation given does not exist.',
  },
  CALL_NOT_FOUND: { it: 'Chiamata all’azione non trovata.', en: 'Call to action not found.' },
  CALL_CLOSED: {
    it: 'Questa chiamata è chiusa: chi l’ha pubblicata non accoglie più risposte.',
    en: 'This call is closed: its publisher takes no more answers.',
  },
  CALL_ENDED: {
    it: 'Questa chiamata è terminata: non accoglie più risposte.',
    en: 'This call has ended: it takes no more answers.',
  },
  CALL_ALREADY_CLOSED: { it: 'Questa chiamata è già chiusa.', en: 'This call is already closed.' },
  CALL_AREA_OUTSIDE: {
    it: 'Puoi indicare solo Comuni compresi nella chiamata.',
    en: 'You can name only Comuni the call covers.',
  },
  CALL_ALREADY_ANSWERED: {
    it: 'Hai già risposto a questa chiamata.',
    en: 'You have already answered this call.',
  },
  CALL_ANSWER_NOT_FOUND: { it: 'Risposta non trovata.', en: 'Answer not found.' },
  CALL_ANSWER_NOT_PENDING: {
    it: 'Questa risposta è già stata decisa.',
    en: 'This answer has already been decided.',
  },
  CALL_NO_ACCEPTED_VOLUNTEERS: {
    it: 'Nessun volontario è ancora stato accettato per questa chiamata: il messaggio non arriverebbe a nessuno.',
    en: 'No volunteer has been accepted for this call yet: the message would reach nobody.',
  },
  CALL_FULL: {
    it: 'Sono già stati accettati i {wanted} volontari richiesti.',
    en: 'The {wanted} volunteers wanted have already been accepted.',
  },
});

@Module({
  imports: [IdentityModule, ModerationModule, NotificationsModule, CommunityPersonalDataModule],
  providers: [
    ReferenceReadsRepository,
    VolunteersRepository,
    VolunteerService,
    VolunteerResolver,
    OffersRepository,
    OfferService,
    JoinRequestsRepository,
    JoinRequestService,
    OfferResolver,
    CallsRepository,
    CallService,
    CallPublishers,
    CallMessagesRepository,
    CallMessagesService,
    CallResolver,
    VolunteerAccountErasure,
  ],
  exports: [VolunteerService, OfferService, CallService],
})
export class CommunityModule implements OnModuleInit {
  constructor(
    private readonly moderation: ModerationService,
    private readonly calls: CallService,
    private readonly replies: SmsReplyService,
    private readonly accounts: UserRolesRepository,
  ) {}

  onModuleInit(): void {
    // "SI <code>" to a call's notice answers it as in the app (only from the number it went to);
    // "NO <code>" just closes the code.
    this.replies.register(CALL_REPLY_TARGET, async (manager, reply) => {
      if (reply.answer !== 'yes') return;
      const volunteerUserId = await this.accounts.activeUserIdByPhone(manager, reply.phone);
      if (!volunteerUserId) throw new DomainError('VOLUNTEER_PROFILE_REQUIRED');
      await this.calls.answerInTransaction(manager, volunteerUserId, {
        callId: reply.targetId,
        comuneIstats: [],
      });
    });
    // A call held for pre-moderation reaches its volunteers when a moderator publishes it.
    this.moderation.onDecision(ContentType.CALL_TO_ACTION, (manager, callId, status) =>
      this.calls.whenPublished(manager, callId, status),
    );
  }
}

/** Community for the worker: telling volunteers of targeted calls to action. */
@Module({
  imports: [NotificationsModule],
  providers: [CallNoticesRepository, CallVolunteersProcessor],
})
export class CommunityWorkerModule {}
