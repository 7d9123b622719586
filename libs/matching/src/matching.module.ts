import { Module, OnModuleInit } from '@nestjs/common';
import { IdentityModule, UserRolesRepository } from '@prossimo/identity';
import { ContentType, ModerationModule, ModerationService, ModerationStatus } from '@prossimo/moderation';
import { NotificationsModule, SmsReplyService } from '@prossimo/notifications';
import { registerMessages } from '@prossimo/platform';
import { ReputationModule } from '@prossimo/reputation';
import { RequestsModule, RequestsWorkerModule } from '@prossimo/requests';
import { BatchAssignmentModule, BatchAssignmentWorkerModule } from './assignment/batch-assignment.module';
import { ManualAssignmentResolver } from './assignment/manual-assignment.resolver';
import { ManualAssignmentService } from './assignment/manual-assignment.service';
import { HelperBlocksRepository } from './blocks/helper-blocks.repository';
import { HelperBlocksResolver } from './blocks/helper-blocks.resolver';
import { HelperBlocksService } from './blocks/helper-blocks.service';
import { NeedCandidatesResolver } from './candidates/need-candidates.resolver';
import { NeedCandidatesService } from './candidates/need-candidates.service';
import { EngagementLifecycleResolver } from './engagements/engagement-lifecycle.resolver';
import { EngagementLifecycleService } from './engagements/engagement-lifecycle.service';
import { EngagementParties } from './engagements/engagement-parties.service';
import { EngagementsResolver, NeedEngagementResolver } from './engagements/engagements.resolver';
import { EngagementsRepository } from './engagements/engagements.repository';
import { EngagementsService } from './engagements/engagements.service';
import { CareGroupsModule, CareGroupsWorkerModule } from './groups/care-groups.module';
import { MatchingEngine } from './engine/matching-engine.service';
import { MatchingProcessor } from './engine/matching.processor';
import { MatchingScheduler } from './engine/matching.scheduler';
import { NeedMatchStatesRepository } from './needs/need-match-states.repository';
import { NeedReadsRepository } from './needs/need-reads.repository';
import { EngagementMessagesRepository } from './messages/engagement-messages.repository';
import { EngagementMessagesResolver } from './messages/engagement-messages.resolver';
import { RidePickupResolver } from './needs/ride-pickup.resolver';
import { ENGAGEMENT_THREAD, EngagementMessagesService } from './messages/engagement-messages.service';
import { ProposalWriter } from './proposals/proposal-writer.service';
import { ProposalsResolver } from './proposals/proposals.resolver';
import { ProposalsRepository } from './proposals/proposals.repository';
import { ProposalsService } from './proposals/proposals.service';
import { TerritoryMatchingSettingsRepository } from './settings/territory-matching-settings.repository';
import { TerritoryMatchingSettingsResolver } from './settings/territory-matching-settings.resolver';
import { TerritoryMatchingSettingsService } from './settings/territory-matching-settings.service';
import { TerritorySupplyRepository } from './supply/territory-supply.repository';
import { TerritorySupplyResolver } from './supply/territory-supply.resolver';
import { TerritorySupplyService } from './supply/territory-supply.service';
import { UnmatchedNeedsRepository } from './unmatched/unmatched-needs.repository';
import { UnmatchedNeedsResolver } from './unmatched/unmatched-needs.resolver';
import { UnmatchedNeedsService } from './unmatched/unmatched-needs.service';

registerMessages({
  PROPOSAL_NOT_FOUND: { it: 'Proposta non trovata.', en: 'Proposal not found.' },
  PROPOSAL_NOT_PENDING: {
    it: 'Questa proposta non è più in attesa di risposta (stato: {status}).',
    en: 'This proposal is no longer waiting for an answer (status: {status}).',
  },
  PROPOSAL_EXPIRED: {
    it: 'Il tempo per rispondere a questa proposta è scaduto.',
    en: 'The time to answer this proposal is over.',
  },
  NEED_ALREADY_MATCHED: {
    it: 'Un altro volontario ha già accettato questa richiesta. Grazie lo stesso!',
    en: 'Another volunteer has already accepted this need. Thank you all the same!',
  },
  ENGAGEMENT_OVERLAP: {
    it: 'Hai già un impegno in quell’orario.',
    en: 'You already have an engagement at that time.',
  },
  ENGAGEMENT_NOT_FOUND: { it: 'Impegno non trovato.', en: 'Engagement not found.' },
  ENGAGEMENT_TRANSITION_INVALID: {
    it: 'L’impegno non può passare dallo stato {from} allo stato {to}.',
    en: 'The engagement cannot move from {from} to {to}.',
  },
  BLOCK_SELF: { it: 'Non puoi bloccare te stesso.', en: 'You cannot block yourself.' },
  ENGAGEMENT_TOO_EARLY: {
    it: 'È presto per iniziare: puoi iniziare questo impegno dal {from}.',
    en: 'It is too early to start: you can start this engagement from {from}.',
  },
  HOURS_LOGGED_TOO_MANY: {
    it: 'Le ore indicate superano la durata dell’impegno: al massimo {max}.',
    en: 'The hours logged are more than the engagement lasted: at most {max}.',
  },
  ENGAGEMENT_NOT_AWAITING: {
    it: 'Questo impegno non è in attesa di conferma.',
    en: 'This engagement is not waiting for confirmation.',
  },
  SERVICE_OFFER_FULL: {
    it: 'Il servizio non ha più posti liberi in quell’orario.',
    en: 'The service has no places left at that time.',
  },
  ASSIGN_ONE_HELPER: {
    it: 'Indica un volontario oppure un’organizzazione, non entrambi ({field}).',
    en: 'Give a volunteer or an organisation, not both ({field}).',
  },
  HELPER_NOT_ELIGIBLE: {
    it: 'Questo aiutante non soddisfa i requisiti della richiesta (distanza, orario, categoria, requisiti) o è già stato interpellato ({field}).',
    en: 'This helper does not meet the need’s constraints (distance, time, category, requirements) or was already asked ({field}).',
  },
  NEED_NOT_OPEN: {
    it: 'La richiesta non è aperta (stato: {status}).',
    en: 'The need is not open (status: {status}).',
  },
  UNMATCHED_NO_HELPER_IN_RANGE: {
    it: 'Nessun volontario della categoria abita entro la distanza richiesta.',
    en: 'No volunteer of this category lives within the distance allowed.',
  },
  UNMATCHED_NONE_AVAILABLE: {
    it: 'I volontari vicini non sono disponibili in quell’orario.',
    en: 'The volunteers nearby are not available at that time.',
  },
  UNMATCHED_REQUIREMENT_NOT_MET: {
    it: 'Nessun volontario disponibile soddisfa i requisiti (veicolo, posti, carrozzina, lingua).',
    en: 'No available volunteer meets the requirements (vehicle, seats, wheelchair, language).',
  },
  UNMATCHED_ALL_DECLINED: {
    it: 'Tutti i volontari adatti hanno rifiutato o non hanno risposto in tempo.',
    en: 'Every suitable volunteer declined or did not answer in time.',
  },
});

/** Matching for the API: answering proposals, engagements, the unmatched list; SMS "SI"/"NO" replies. */
@Module({
  imports: [
    IdentityModule,
    RequestsModule,
    NotificationsModule,
    ReputationModule,
    ModerationModule,
    CareGroupsModule,
    BatchAssignmentModule,
  ],
  // One service per responsibility, each with the resolver that uses it.
  providers: [
    NeedReadsRepository,
    NeedMatchStatesRepository,
    ProposalsRepository,
    ProposalsService,
    ProposalsResolver,
    EngagementsRepository,
    EngagementParties,
    EngagementsService,
    EngagementsResolver,
    NeedEngagementResolver,
    RidePickupResolver,
    EngagementLifecycleService,
    EngagementLifecycleResolver,
    UnmatchedNeedsRepository,
    UnmatchedNeedsService,
    UnmatchedNeedsResolver,
    TerritorySupplyRepository,
    TerritorySupplyService,
    TerritorySupplyResolver,
    NeedCandidatesService,
    NeedCandidatesResolver,
    ManualAssignmentService,
    ManualAssignmentResolver,
    HelperBlocksRepository,
    HelperBlocksService,
    HelperBlocksResolver,
    TerritoryMatchingSettingsRepository,
    TerritoryMatchingSettingsService,
    TerritoryMatchingSettingsResolver,
    ProposalWriter,
    EngagementMessagesRepository,
    EngagementMessagesService,
    EngagementMessagesResolver,
  ],
  exports: [ProposalsService, EngagementsService, EngagementLifecycleService, EngagementParties],
})
export class MatchingModule implements OnModuleInit {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly replies: SmsReplyService,
    private readonly messages: EngagementMessagesService,
    private readonly moderation: ModerationService,
    private readonly accounts: UserRolesRepository,
  ) {}

  onModuleInit(): void {
    // An SMS answer is honoured only from the phone the proposal went to (SmsReplyService checks it).
    this.replies.register('proposal', async (manager, reply) => {
      const helperId = await this.accounts.userIdByPhone(manager, reply.phone);
      if (!helperId) return;
      if (reply.answer === 'yes') await this.proposals.acceptInTransaction(manager, reply.targetId, helperId);
      else await this.proposals.declineInTransaction(manager, reply.targetId, helperId);
    });
    // Any other text from a phone a message was relayed to answers that engagement's thread.
    this.replies.registerText(ENGAGEMENT_THREAD, (manager, reply) =>
      this.messages.receiveSms(manager, reply.targetId, reply.phone, reply.text),
    );
    // A message held for a moderator reaches the other party once published.
    this.moderation.onDecision(ContentType.ENGAGEMENT_MESSAGE, async (manager, messageId, status) => {
      if (status === ModerationStatus.PUBLISHED) await this.messages.relay(manager, messageId);
    });
  }
}

/** Matching for the worker: the matching jobs and the schedule of the unmatched sweep. */
@Module({
  imports: [RequestsWorkerModule, NotificationsModule, CareGroupsWorkerModule, BatchAssignmentWorkerModule],
  providers: [
    NeedReadsRepository,
    NeedMatchStatesRepository,
    ProposalsRepository,
    MatchingEngine,
    MatchingProcessor,
    MatchingScheduler,
    ProposalWriter,
  ],
  exports: [MatchingEngine],
})
export class MatchingWorkerModule {}
