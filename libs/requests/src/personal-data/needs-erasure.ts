import { Injectable } from '@nestjs/common';
import { blankModerationSummaries, ContentType } from '@prossimo/moderation';
import { BLIND_INDEX_VERSION, ERASED_TEXT, FieldCipher } from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { NeedLifecycleService } from '../lifecycle/need-lifecycle.service';
import { RequestsPersonalDataRepository } from './requests-personal-data.repository';
import { NeedStatus } from '../requests.types';

const LIVE_NEED_STATUSES = ['draft', 'submitted', 'open', 'matched', 'in_progress'];

/**
 * Requests' part of the erasures (of an account, of a person without one): the steps on needs and
 * beneficiaries, in the erasure's transaction. Privacy calls them in its order, between other
 * libraries' steps (engagements are cancelled before needs, messages go before needs are blanked).
 */
@Injectable()
export class NeedsErasure {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly personalData: RequestsPersonalDataRepository,
    private readonly lifecycle: NeedLifecycleService,
  ) {}

  /** The person's needs (their own, and those for them); `lock` locks them (FOR NO KEY UPDATE). */
  async needsOfPerson(manager: EntityManager, userId: string, lock: boolean): Promise<{ id: string }[]> {
    return this.personalData.findNeedIdsOfPerson(manager, userId, lock);
  }

  /** The needs for a person without an account, with their Comune; `lock` as needsOfPerson. */
  async needsOfBeneficiary(
    manager: EntityManager,
    beneficiaryId: string,
    lock: boolean,
  ): Promise<{ id: string; istat: string }[]> {
    return this.personalData.findNeedsOfBeneficiary(manager, beneficiaryId, lock);
  }

  /** Of these needs, the live ones are cancelled (with the reason in their history); returns how many. */
  async cancelLiveNeeds(manager: EntityManager, needIds: string[], reason: string): Promise<number> {
    const live = await this.personalData.findNeedsInStatus(manager, needIds, LIVE_NEED_STATUSES);
    for (const need of live) {
      await this.lifecycle.transition(manager, need.id, NeedStatus.CANCELLED, null, reason);
    }
    return live.length;
  }

  /**
   * The needs' own personal data: text, address, notes, exact places, their moderation summaries
   * and the reasons written about them. Returns how many needs were blanked.
   */
  async blankNeeds(manager: EntityManager, needIds: string[]): Promise<number> {
    const blanked = await this.personalData.blankNeeds(manager, needIds, ERASED_TEXT);
    await blankModerationSummaries(manager, ContentType.NEED, needIds);
    await this.personalData.blankStatusReasonsOfNeeds(manager, needIds);
    return blanked;
  }

  /** Relatives the person entered: name, phone and codice fiscale go. */
  async blankRelativesEnteredBy(manager: EntityManager, userId: string): Promise<void> {
    await this.personalData.blankRelativesEnteredBy(manager, userId, this.cipher.encrypt(ERASED_TEXT));
  }

  /** Locks a person without an account (desk or relative); returns their phone (encrypted), undefined when unknown. */
  async lockBeneficiaryWithoutAccount(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<{ phone_encrypted: string | null } | undefined> {
    return this.personalData.lockBeneficiaryWithoutAccount(manager, beneficiaryId);
  }

  /** The person without an account: nothing left to find them by. */
  async eraseBeneficiary(manager: EntityManager, beneficiaryId: string): Promise<void> {
    await this.personalData.eraseBeneficiary(
      manager,
      beneficiaryId,
      this.cipher.encrypt(ERASED_TEXT),
      BLIND_INDEX_VERSION,
    );
  }

  /** The health-data consent withdrawn: the health notes of the person's needs go; returns how many. */
  purgeHealthNotesOf(manager: EntityManager, userId: string): Promise<number> {
    return this.personalData.purgeHealthNotesOf(manager, userId);
  }
}
