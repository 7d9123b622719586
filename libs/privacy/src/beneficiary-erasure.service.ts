import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import { BLIND_INDEX_VERSION, DomainError, ERASED_TEXT, FieldCipher, writeAudit } from '@prossimo/platform';
import { NeedStatus } from '@prossimo/requests';
import { DataSource } from 'typeorm';
import { staffTerritoryCovering } from './staff-scope';
import { BeneficiaryErasure, EraseBeneficiaryInput } from './privacy.types';
import { ErasureSteps, OPEN_ENGAGEMENTS, OpenEngagement } from './erasure-steps';

const BENEFICIARY_ERASURE_REASON = 'personal data erased';

/** Erasure of a person without an account: registered at the desk, or a relative entered by someone. */
@Injectable()
export class BeneficiaryErasureService {
  constructor(
    private readonly cipher: FieldCipher,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly steps: ErasureSteps,
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
      const [beneficiary]: { phone_encrypted: string | null }[] = await manager.query(
        `SELECT phone_encrypted FROM beneficiaries
          WHERE id = $1 AND user_id IS NULL AND kind IN ('desk', 'relative') FOR UPDATE`,
        [input.beneficiaryId],
      );
      if (!beneficiary) throw new DomainError('BENEFICIARY_NOT_FOUND', { field: 'input.beneficiaryId' });
      const needs = await this.steps.lockNeedsAfterMatchingRuns<{ id: string; istat: string }>(
        manager,
        (lock) => `SELECT id, comune_istat AS istat FROM needs WHERE beneficiary_id = $1
          ORDER BY id ${lock ? 'FOR NO KEY UPDATE' : ''}`,
        [input.beneficiaryId],
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

      const open: OpenEngagement[] = await manager.query(
        `${OPEN_ENGAGEMENTS} AND e.need_id = ANY($1::uuid[]) ORDER BY e.need_id FOR UPDATE OF e`,
        [needIds],
      );
      for (const engagement of open) {
        await this.steps.cancelEngagement(
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
      const related = await this.steps.relatedRefs(manager, null, needIds);
      const phone = beneficiary.phone_encrypted
        ? this.steps.tryDecrypt(beneficiary.phone_encrypted)
        : undefined;
      await manager.query(
        `DELETE FROM notifications WHERE $1::text IS NOT NULL AND recipient = $1 AND user_id IS NULL`,
        [phone ?? null],
      );
      await manager.query(
        `UPDATE notifications SET body_encrypted = NULL,
                status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END, updated_at = now()
          WHERE ref = ANY($1::text[]) AND body_encrypted IS NOT NULL`,
        [related],
      );
      // What the person wrote by SMS to their helpers (they have no account: no sender user).
      await this.steps.eraseEngagementMessages(
        manager,
        `sender_user_id IS NULL AND sender_side = 'citizen'
           AND engagement_id IN (SELECT id FROM engagements WHERE need_id = ANY($1::uuid[]))`,
        [needIds],
      );
      const needsAnonymised = await this.steps.blankNeeds(manager, needIds);
      await manager.query(
        // The blind index and the consent's witness go too: nothing left to find the person by.
        `UPDATE beneficiaries SET full_name_encrypted = $2, phone_encrypted = NULL, health_consent_at = NULL,
                codice_fiscale_encrypted = NULL, codice_fiscale_hmac = NULL,
                phone_search = NULL, name_search = '{}', search_version = $3, consent_witness_encrypted = NULL
          WHERE id = $1`,
        [input.beneficiaryId, this.cipher.encrypt(ERASED_TEXT), BLIND_INDEX_VERSION],
      );
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
