import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import { EngagementsErasure } from '@prossimo/matching';
import { NotificationsErasure } from '@prossimo/notifications';
import { DomainError, ERASED_TEXT, writeAudit } from '@prossimo/platform';
import { NeedsErasure, NeedStatus } from '@prossimo/requests';
import { DataSource } from 'typeorm';
import { staffTerritoryCovering } from '../staff-scope/staff-scope.repository';
import { BeneficiaryErasure, EraseBeneficiaryInput } from '../privacy.types';
import { ErasureSteps } from './erasure-steps';

const BENEFICIARY_ERASURE_REASON = 'personal data erased';

/** Erasure of a person without an account: registered at the desk, or a relative entered by someone. */
@Injectable()
export class BeneficiaryErasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly steps: ErasureSteps,
    private readonly needs: NeedsErasure,
    private readonly engagements: EngagementsErasure,
    private readonly notifications: NotificationsErasure,
  ) {}

  /**
   * A person registered at the desk, or a relative entered by someone else (neither has an
   * account), asks the Comune to erase their data or withdraws the consent it rested on: their
   * open engagements are cancelled and the helpers told, live needs cancelled, the needs kept
   * anonymous for the indicators, messages to their number deleted, their name and number gone.
   * Staff of a territory covering one of their needs' Comuni (platform admins: any).
   */
  async eraseBeneficiary(
    staff: AuthenticatedUser,
    input: EraseBeneficiaryInput,
  ): Promise<BeneficiaryErasure> {
    this.access.requireRole(staff, COMUNE_STAFF_ROLES);
    return this.dataSource.transaction(async (manager) => {
      const beneficiary = await this.needs.lockBeneficiaryWithoutAccount(manager, input.beneficiaryId);
      if (!beneficiary) throw new DomainError('BENEFICIARY_NOT_FOUND', { field: 'input.beneficiaryId' });
      const needs = await this.steps.lockNeedsAfterMatchingRuns(manager, (lock) =>
        this.needs.needsOfBeneficiary(manager, input.beneficiaryId, lock),
      );
      const territoryId = await staffTerritoryCovering(
        this.access,
        manager,
        staff,
        needs,
        'input.beneficiaryId',
      );
      await this.access.requireStepUp(staff, { comuneIstats: needs.map((need) => need.istat) }, manager);
      const needIds = needs.map((need) => need.id);

      const open = await this.engagements.openEngagementsOfNeeds(manager, needIds);
      for (const engagement of open) {
        await this.engagements.cancelEngagement(
          manager,
          engagement,
          NeedStatus.CANCELLED,
          BENEFICIARY_ERASURE_REASON,
          [
            {
              userId: engagement.helperUserId,
              summary: ERASED_TEXT,
              reason: 'la persona ha chiesto di cancellare i suoi dati',
            },
          ],
        );
      }
      // Each cancelled engagement cancelled its need too.
      const needsCancelled =
        open.length + (await this.steps.cancelLiveNeeds(manager, null, needIds, BENEFICIARY_ERASURE_REASON));
      const related = await this.engagements.relatedRefs(manager, null, needIds);
      const phone = beneficiary.phone_encrypted
        ? this.steps.tryDecrypt(beneficiary.phone_encrypted)
        : undefined;
      await this.notifications.deleteMessagesToPhone(manager, phone ?? null);
      await this.notifications.blankMessagesAbout(manager, related);
      // What the person wrote by SMS to their helpers (they have no account: no sender user).
      await this.engagements.eraseSmsMessagesOnNeeds(manager, needIds);
      const needsAnonymised = await this.needs.blankNeeds(manager, needIds);
      await this.needs.eraseBeneficiary(manager, input.beneficiaryId);
      await writeAudit(manager, {
        actorUserId: staff.userId,
        action: 'beneficiary.erased',
        entityType: 'beneficiary',
        entityId: input.beneficiaryId,
        territoryId,
        details: { reason: input.reason, needsAnonymised, engagementsCancelled: open.length, needsCancelled },
      });
      return {
        beneficiaryId: input.beneficiaryId,
        needsAnonymised,
        engagementsCancelled: open.length,
        needsCancelled,
      };
    });
  }
}
