import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AuthenticatedUser,
  COMUNE_STAFF_ROLES,
  Role,
  SessionService,
} from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import {
  AccountErasureHandlers,
  DomainError,
  ERASED_TEXT,
  FieldCipher,
  writeAudit,
} from '@prossimo/platform';
import { NeedLifecycleService, NeedStatus } from '@prossimo/requests';
import { DataSource, EntityManager } from 'typeorm';
import { comuniOfPerson, staffTerritoryCovering } from './staff-scope';
import { AccountErasure, EraseAccountInput, StaffErasureReason } from './privacy.types';
import { ERASURE_REASON, ErasureSteps, OPEN_ENGAGEMENTS, OpenEngagement } from './erasure-steps';

/**
 * The libraries that keep personal data in tables of their own and erase it with a handler
 * (AccountErasureHandlers). Checked at boot: an erasure that silently skipped one would leave the
 * person's data behind.
 */
const ERASURE_AREAS = ['community', 'directory', 'identity', 'matching', 'moderation', 'reputation'];
/** Roles whose holders only a platform admin may erase (staff cannot erase each other). */
const STAFF_ROLES: string[] = [Role.PLATFORM_ADMIN, Role.COMUNE_OPERATOR, Role.COMUNE_MODERATOR];

/** Who asked for an erasure made by staff, and why (for the audit log). */
interface StaffRequest {
  actorUserId: string;
  reason: StaffErasureReason;
  /** The staff member's territory that covers the person (null for a platform admin). */
  territoryId: string | null;
}

/**
 * "Delete my account". In one transaction: open engagements are cancelled and the other parties
 * told; live needs are cancelled; personal data is deleted, or blanked where a record must stay
 * for the indicators (needs, engagements, hours, ratings keep their ids, categories, Comuni,
 * dates and numbers, and the account row stays as an anonymous key with status ERASED). Sessions
 * end. What remains is a record of the erasure without personal data.
 */
@Injectable()
export class ErasureService implements OnApplicationBootstrap {
  constructor(
    private readonly cipher: FieldCipher,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly lifecycle: NeedLifecycleService,
    private readonly sessions: SessionService,
    private readonly access: AccessService,
    private readonly handlers: AccountErasureHandlers,
    private readonly steps: ErasureSteps,
  ) {}

  onApplicationBootstrap(): void {
    const missing = ERASURE_AREAS.filter((area) => !this.handlers.areas().includes(area));
    if (missing.length) throw new Error(`Account erasure handlers missing for: ${missing.join(', ')}`);
  }

  async eraseMyAccount(user: AuthenticatedUser): Promise<AccountErasure> {
    const erasure = await this.dataSource.transaction((manager) => this.erase(manager, user.userId, 'self'));
    // Committed (sessions deleted, account erased): no recently checked token of theirs stays trusted.
    this.sessions.forgetCheckedSessions(user.userId);
    return erasure;
  }

  /**
   * Staff erase an account on the person's behalf (someone who asks at the desk, cannot use the
   * app, or has died): a platform admin anywhere; a Comune operator or moderator when one of
   * their territories covers a Comune where the person has a need or a volunteer profile. Staff
   * accounts can only be erased by a platform admin. Audited with the actor and the reason.
   */
  async eraseAccountAsStaff(staff: AuthenticatedUser, input: EraseAccountInput): Promise<AccountErasure> {
    this.access.requireRole(staff, COMUNE_STAFF_ROLES);
    if (input.userId === staff.userId) throw new DomainError('FORBIDDEN', { field: 'input.userId' });
    const erasure = await this.dataSource.transaction(async (manager) => {
      const [target]: { status: string; roles: string[] }[] = await manager.query(
        `SELECT u.status, ARRAY(SELECT role FROM user_roles r WHERE r.user_id = u.id) AS roles
           FROM users u WHERE u.id = $1`,
        [input.userId],
      );
      if (!target || target.status === 'erased') {
        throw new DomainError('ACCOUNT_NOT_FOUND', { field: 'input.userId' });
      }
      if (!this.access.isPlatformAdmin(staff) && target.roles.some((role) => STAFF_ROLES.includes(role))) {
        throw new DomainError('FORBIDDEN', { field: 'input.userId' });
      }
      const comuni = await comuniOfPerson(manager, input.userId);
      const territoryId = await staffTerritoryCovering(this.access, manager, staff, comuni, 'input.userId');
      // Authorised for the person's Comuni: the step-up of their territories applies (issue 20).
      await this.access.requireStepUp(staff, { comuneIstats: comuni.map((comune) => comune.istat) }, manager);
      return this.erase(manager, input.userId, 'staff', {
        actorUserId: staff.userId,
        reason: input.reason,
        territoryId,
      });
    });
    // Committed: no recently checked token of the person's stays trusted (as eraseMyAccount).
    this.sessions.forgetCheckedSessions(input.userId);
    return erasure;
  }

  async erase(
    manager: EntityManager,
    userId: string,
    requestedBy: 'self' | 'staff',
    staffRequest?: StaffRequest,
  ): Promise<AccountErasure> {
    const [account]: { phone_e164: string | null; status: string }[] = await manager.query(
      `SELECT phone_e164, status FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    if (!account || account.status === 'erased') throw new DomainError('UNAUTHENTICATED');
    const phone = account.phone_e164;

    const ownNeedIds = (
      await this.steps.lockNeedsAfterMatchingRuns<{ id: string }>(
        manager,
        (lock) => `SELECT n.id FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
          WHERE (n.author_user_id = $1 AND n.source <> 'desk') OR b.user_id = $1
          ORDER BY n.id ${lock ? 'FOR NO KEY UPDATE OF n' : ''}`,
        [userId],
      )
    ).map((row) => row.id);

    const engagementsHandedOver = await this.handOverOrganisationEngagements(manager, userId);
    const engagementsCancelled = await this.cancelOpenEngagements(manager, userId);
    const needsCancelled = await this.steps.cancelLiveNeeds(manager, userId, ownNeedIds);
    const related = await this.steps.relatedRefs(manager, userId, ownNeedIds);
    const mentionsBlanked = await this.blankMentions(manager, userId, phone);
    const summary = {
      engagementsCancelled,
      engagementsHandedOver,
      needsCancelled,
      mentionsBlanked,
      ...(await this.eraseMessages(manager, userId, phone, related)),
      // The person's messages, and those their family contact wrote for them.
      ...(await this.steps.eraseEngagementMessages(
        manager,
        `sender_user_id = $1 OR (sender_user_id IS NULL AND sender_side = 'citizen'
           AND engagement_id IN (SELECT id FROM engagements WHERE need_id = ANY($2::uuid[])))`,
        [userId, ownNeedIds],
      )),
      ...(await this.anonymiseNeeds(manager, userId, ownNeedIds)),
      ...(await this.deletePersonalRows(manager, userId)),
      // What the other libraries hold in their own tables (the account itself, sessions and roles;
      // volunteering, reviews, moderation, ...).
      ...(await this.handlers.eraseAccount({ manager, userId, phone })),
    };

    const [record]: { id: string; erasedAt: Date }[] = await manager.query(
      `INSERT INTO account_erasures (user_id, requested_by, summary) VALUES ($1, $2, $3)
       RETURNING id, erased_at AS "erasedAt"`,
      [userId, requestedBy, JSON.stringify(summary)],
    );
    await writeAudit(manager, {
      actorUserId: requestedBy === 'self' ? userId : (staffRequest?.actorUserId ?? null),
      action: 'account.erased',
      entityType: 'user',
      entityId: userId,
      territoryId: staffRequest?.territoryId ?? null,
      details: { erasureId: record.id, requestedBy, reason: staffRequest?.reason ?? null, ...summary },
    });
    return {
      id: record.id,
      erasedAt: record.erasedAt,
      engagementsCancelled,
      needsCancelled,
      engagementsHandedOver,
    };
  }

  /**
   * The person was the contact of an organisation for some of its engagements (its service
   * offers'): when the organisation has another admin or operator, the engagement stays the
   * organisation's and passes to them (admins first, then the longest-standing), so the citizen
   * keeps their help. Without anyone left, cancelOpenEngagements cancels it and tells the citizen.
   */
  private async handOverOrganisationEngagements(manager: EntityManager, userId: string): Promise<number> {
    const [, handedOver]: [unknown[], number] = await manager.query(
      `WITH handover AS (
         SELECT e.id, (
           SELECT r.user_id FROM user_roles r JOIN users u ON u.id = r.user_id AND u.status = 'active'
            WHERE r.organisation_id = e.organisation_id AND r.user_id <> $1
              AND r.role IN ('organisation_admin', 'organisation_operator')
            ORDER BY (r.role = 'organisation_admin') DESC, r.created_at, r.user_id LIMIT 1) AS successor
           FROM engagements e
          WHERE e.helper_user_id = $1 AND e.organisation_id IS NOT NULL AND e.service_offer_id IS NOT NULL
            AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress')
          ORDER BY e.id FOR UPDATE OF e)
       UPDATE engagements e SET helper_user_id = h.successor, updated_at = now()
         FROM handover h WHERE e.id = h.id AND h.successor IS NOT NULL`,
      [userId],
    );
    return handedOver;
  }

  /**
   * Engagements not yet finished, as helper or as the person helped: cancelled, the other side
   * told. An organisation's engagement still on the person here had nobody to pass to.
   */
  private async cancelOpenEngagements(manager: EntityManager, userId: string): Promise<number> {
    const open: OpenEngagement[] = await manager.query(
      `${OPEN_ENGAGEMENTS}
          AND (e.helper_user_id = $1 OR (n.source = 'citizen' AND n.author_user_id = $1) OR b.user_id = $1)
        ORDER BY e.need_id FOR UPDATE OF e`,
      [userId],
    );
    for (const engagement of open) {
      const helperLeft = engagement.helperUserId === userId;
      // The helper left before starting: the need goes back on the market. Otherwise it ends here.
      const to = helperLeft && engagement.status !== 'in_progress' ? NeedStatus.OPEN : NeedStatus.CANCELLED;
      const reason = !helperLeft
        ? 'la persona ha chiuso il suo account'
        : engagement.organisationId
          ? "l'organizzazione non ha più un referente su Prossimo"
          : 'il volontario ha chiuso il suo account';
      const others = helperLeft
        ? engagement.citizenUserIds.filter((id) => id !== userId)
        : [engagement.helperUserId];
      await this.steps.cancelEngagement(
        manager,
        engagement,
        to,
        ERASURE_REASON,
        others.map((other) => ({
          userId: other,
          summary: helperLeft ? engagement.description : ERASED_TEXT,
          reason,
        })),
      );
    }
    return open.length;
  }

  /** Cancels one engagement, moves its need on and tells the people listed. */

  /**
   * Messages to the people the person dealt with (helpers, citizens, reviewers) that name them or
   * quote their number, e.g. "Ettore will help you" or a moderation notice quoting a review: the
   * text goes, the record stays. Runs before the names are blanked.
   */
  private async blankMentions(manager: EntityManager, userId: string, phone: string | null): Promise<number> {
    const [person]: { names: string[]; since: Date }[] = await manager.query(
      `SELECT array_remove(ARRAY[u.display_name, p.display_name], NULL) AS names, u.created_at AS since
         FROM users u LEFT JOIN volunteer_profiles p ON p.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    const needles = [...person.names, ...(phone ? [phone, phone.slice(3)] : [])]
      .map((needle) => needle.trim().toLowerCase())
      .filter((needle) => needle.length >= 3);
    if (!needles.length) return 0;
    const messages: { id: string; body_encrypted: string }[] = await manager.query(
      `WITH own_needs AS (
         SELECT n.id FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
          WHERE n.author_user_id = $1 OR b.user_id = $1),
       counterparts AS (
         SELECT e.helper_user_id AS id FROM engagements e WHERE e.need_id IN (SELECT id FROM own_needs)
         UNION SELECT mp.helper_user_id FROM match_proposals mp WHERE mp.need_id IN (SELECT id FROM own_needs)
         UNION SELECT coalesce(b.user_id, n.author_user_id) FROM engagements e JOIN needs n ON n.id = e.need_id
                 LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id WHERE e.helper_user_id = $1
         UNION SELECT author_user_id FROM reviews WHERE subject_user_id = $1
         UNION SELECT subject_user_id FROM reviews WHERE author_user_id = $1)
       SELECT id, body_encrypted FROM notifications
        WHERE user_id IN (SELECT id FROM counterparts WHERE id IS NOT NULL AND id <> $1)
          AND body_encrypted IS NOT NULL AND created_at >= $2`,
      [userId, person.since],
    );
    const mentioning = messages
      .filter((message) => {
        const text = this.steps.tryDecrypt(message.body_encrypted)?.toLowerCase();
        // A text that cannot be read (a retired key) is blanked too: it may name the person.
        return text === undefined || needles.some((needle) => text.includes(needle));
      })
      .map((message) => message.id);
    if (mentioning.length) {
      await manager.query(
        `UPDATE notifications SET body_encrypted = NULL,
                status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END, updated_at = now()
          WHERE id = ANY($1::uuid[])`,
        [mentioning],
      );
    }
    return mentioning.length;
  }

  private async eraseMessages(
    manager: EntityManager,
    userId: string,
    phone: string | null,
    relatedRefs: string[],
  ): Promise<Record<string, number>> {
    const [preferences]: { family_phone: string | null }[] = await manager.query(
      `SELECT family_phone FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    await this.notifications.withdrawFamilyContact(manager, userId);
    const [, notificationsDeleted]: [unknown[], number] = await manager.query(
      `DELETE FROM notifications
        WHERE user_id = $1 OR recipient = $1::text OR ($2::text IS NOT NULL AND recipient = $2)
           OR ($3::text IS NOT NULL AND recipient = $3 AND user_id IS NULL)`,
      [userId, phone, preferences?.family_phone ?? null],
    );
    // Messages to others about the person (their name, their need): the text goes, the record stays.
    const [, othersBlanked]: [unknown[], number] = await manager.query(
      `UPDATE notifications SET body_encrypted = NULL,
              status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END, updated_at = now()
        WHERE ref = ANY($1::text[]) AND body_encrypted IS NOT NULL`,
      [relatedRefs],
    );
    if (phone) {
      await manager.query(`DELETE FROM sms_reply_codes WHERE recipient_phone = $1`, [phone]);
      await manager.query(`DELETE FROM phone_verifications WHERE phone_e164 = $1`, [phone]);
    }
    await manager.query(`DELETE FROM notification_preferences WHERE user_id = $1`, [userId]);
    return { notificationsDeleted, othersNotificationsBlanked: othersBlanked };
  }

  /**
   * Needs stay for the indicators (category, Comune, dates, status, who was reached as an
   * anonymous id); what describes the person goes: text, address, notes, the relative's name
   * and phone, and the exact places become ones rounded to about a kilometre.
   */
  private async anonymiseNeeds(
    manager: EntityManager,
    userId: string,
    needIds: string[],
  ): Promise<Record<string, number>> {
    const needsAnonymised = await this.steps.blankNeeds(manager, needIds);
    // Relatives the person entered: the name is required by the table, so it becomes the placeholder.
    await manager.query(
      `UPDATE beneficiaries SET full_name_encrypted = $2, phone_encrypted = NULL,
              codice_fiscale_encrypted = NULL, codice_fiscale_hmac = NULL
        WHERE created_by_user_id = $1 AND kind = 'relative'`,
      [userId, this.cipher.encrypt(ERASED_TEXT)],
    );
    // Free-text reasons the person wrote.
    await manager.query(
      `UPDATE status_history SET reason = NULL WHERE reason IS NOT NULL AND actor_user_id = $1`,
      [userId],
    );
    return { needsAnonymised };
  }

  /** The privacy library's own rows about the person: consents and exports. */
  private async deletePersonalRows(manager: EntityManager, userId: string): Promise<Record<string, number>> {
    await manager.query(`DELETE FROM consents WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM personal_data_exports WHERE user_id = $1`, [userId]);
    return {};
  }
}
