import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser, PhoneVerificationService, SessionService } from '@prossimo/identity';
import { ENGAGEMENT_HISTORY_ENTITY, formatWhen } from '@prossimo/matching';
import { NotificationsService } from '@prossimo/notifications';
import {
  APP_CONFIG,
  AppConfig,
  DomainError,
  FieldCipher,
  recordStatusChange,
  writeAudit,
} from '@prossimo/platform';
import { NeedLifecycleService, NeedStatus } from '@prossimo/requests';
import { DataSource, EntityManager } from 'typeorm';
import { AccountErasure } from './privacy.types';

/** Written where free text about the person was. */
export const ERASED_TEXT = '[cancellato]';
const LIVE_NEED_STATUSES = ['draft', 'submitted', 'open', 'matched', 'in_progress'];
const ERASURE_REASON = 'account erased';

/**
 * The pickup of a ride is usually the person's home. It becomes the point due north of the
 * destination at the same great-circle distance: the ride kilometres the indicators add up stay
 * exact, and the home is gone.
 */
const MOVED_PICKUP = `jsonb_build_object(
  'lat', (details #>> '{ride,destinationLocation,lat}')::float8 + degrees(earth_distance(
      ll_to_earth((details #>> '{ride,pickupLocation,lat}')::float8, (details #>> '{ride,pickupLocation,lon}')::float8),
      ll_to_earth((details #>> '{ride,destinationLocation,lat}')::float8, (details #>> '{ride,destinationLocation,lon}')::float8)
    ) / earth()),
  'lon', (details #>> '{ride,destinationLocation,lon}')::float8)`;

interface OpenEngagement {
  id: string;
  needId: string;
  status: 'awaiting_confirmation' | 'confirmed' | 'in_progress';
  helperUserId: string;
  citizenUserIds: string[];
  description: string;
  startsAt: Date;
}

/**
 * "Delete my account". In one transaction: open engagements are cancelled and the other parties
 * told; live needs are cancelled; personal data is deleted, or blanked where a record must stay
 * for the indicators (needs, engagements, hours, ratings keep their ids, categories, Comuni,
 * dates and numbers, and the account row stays as an anonymous key with status ERASED). Sessions
 * end. What remains is a record of the erasure without personal data.
 */
@Injectable()
export class ErasureService {
  private readonly cipher: FieldCipher;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly lifecycle: NeedLifecycleService,
    private readonly phones: PhoneVerificationService,
    private readonly sessions: SessionService,
  ) {
    this.cipher = new FieldCipher(config.FIELD_ENCRYPTION_KEY);
  }

  async eraseMyAccount(user: AuthenticatedUser): Promise<AccountErasure> {
    const erasure = await this.dataSource.transaction((manager) => this.erase(manager, user.userId, 'self'));
    // Committed (sessions deleted, account erased): no recently checked token of theirs stays trusted.
    this.sessions.forgetCheckedSessions(user.userId);
    return erasure;
  }

  async erase(
    manager: EntityManager,
    userId: string,
    requestedBy: 'self' | 'staff',
  ): Promise<AccountErasure> {
    const [account]: { phone_e164: string | null; status: string }[] = await manager.query(
      `SELECT phone_e164, status FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    if (!account || account.status === 'erased') throw new DomainError('UNAUTHENTICATED');
    const phone = account.phone_e164;

    const ownNeedIds = (
      (await manager.query(
        `SELECT n.id FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
          WHERE (n.author_user_id = $1 AND n.source <> 'desk') OR b.user_id = $1
          ORDER BY n.id FOR UPDATE OF n`,
        [userId],
      )) as { id: string }[]
    ).map((row) => row.id);

    const engagementsCancelled = await this.cancelOpenEngagements(manager, userId);
    const needsCancelled = await this.cancelLiveNeeds(manager, userId, ownNeedIds);
    const related = await this.relatedRefs(manager, userId, ownNeedIds);
    const mentionsBlanked = await this.blankMentions(manager, userId, phone);
    const summary = {
      engagementsCancelled,
      needsCancelled,
      mentionsBlanked,
      ...(await this.eraseMessages(manager, userId, phone, related)),
      ...(await this.anonymiseNeeds(manager, userId, ownNeedIds)),
      ...(await this.anonymiseVolunteering(manager, userId)),
      ...(await this.deletePersonalRows(manager, userId, phone)),
    };

    await manager.query(
      `UPDATE users SET phone_e164 = NULL, display_name = NULL, phone_verified_at = NULL, status = 'erased',
              updated_at = now() WHERE id = $1`,
      [userId],
    );
    const [record]: { id: string; erasedAt: Date }[] = await manager.query(
      `INSERT INTO account_erasures (user_id, requested_by, summary) VALUES ($1, $2, $3)
       RETURNING id, erased_at AS "erasedAt"`,
      [userId, requestedBy, JSON.stringify(summary)],
    );
    await writeAudit(manager, {
      actorUserId: requestedBy === 'self' ? userId : null,
      action: 'account.erased',
      entityType: 'user',
      entityId: userId,
      details: { erasureId: record.id, ...summary },
    });
    return { id: record.id, erasedAt: record.erasedAt, engagementsCancelled, needsCancelled };
  }

  /** Engagements not yet finished, as helper or as the person helped: cancelled, the other side told. */
  private async cancelOpenEngagements(manager: EntityManager, userId: string): Promise<number> {
    const open: OpenEngagement[] = await manager.query(
      `SELECT e.id, e.need_id AS "needId", e.status, e.helper_user_id AS "helperUserId", n.description,
              lower(e.during) AS "startsAt",
              array_remove(ARRAY[CASE WHEN n.source = 'citizen' THEN n.author_user_id END, b.user_id], NULL)
                AS "citizenUserIds"
         FROM engagements e JOIN needs n ON n.id = e.need_id LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
        WHERE e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress')
          -- An organisation's engagement stays the organisation's when its contact person leaves.
          AND ((e.helper_user_id = $1 AND e.organisation_id IS NULL)
               OR (n.source = 'citizen' AND n.author_user_id = $1) OR b.user_id = $1)
        ORDER BY e.need_id FOR UPDATE OF e`,
      [userId],
    );
    for (const engagement of open) {
      await manager.query(`UPDATE engagements SET status = 'cancelled', updated_at = now() WHERE id = $1`, [
        engagement.id,
      ]);
      await recordStatusChange(manager, {
        entityType: ENGAGEMENT_HISTORY_ENTITY,
        entityId: engagement.id,
        from: engagement.status,
        to: 'cancelled',
        actorUserId: null,
        reason: ERASURE_REASON,
      });
      await this.notifications.cancelScheduled(manager, `engagement:${engagement.id}`);
      const helperLeft = engagement.helperUserId === userId;
      // The helper left before starting: the need goes back on the market. Otherwise it ends here.
      const to = helperLeft && engagement.status !== 'in_progress' ? NeedStatus.OPEN : NeedStatus.CANCELLED;
      await this.lifecycle.transition(manager, engagement.needId, to, null, ERASURE_REASON);
      const others = helperLeft
        ? engagement.citizenUserIds.filter((id) => id !== userId)
        : [engagement.helperUserId];
      for (const other of others) {
        await this.notifications.notifyUser(manager, {
          userId: other,
          event: 'engagement_cancelled',
          params: {
            summary: helperLeft ? engagement.description : ERASED_TEXT,
            when: formatWhen(engagement.startsAt),
            reason: helperLeft
              ? 'il volontario ha chiuso il suo account'
              : 'la persona ha chiuso il suo account',
          },
          urgent: engagement.startsAt.getTime() - Date.now() < 24 * 3600_000,
        });
      }
    }
    return open.length;
  }

  private async cancelLiveNeeds(manager: EntityManager, userId: string, needIds: string[]): Promise<number> {
    const live: { id: string }[] = await manager.query(
      `SELECT id FROM needs WHERE id = ANY($1::uuid[]) AND status = ANY($2::text[])`,
      [needIds, LIVE_NEED_STATUSES],
    );
    for (const need of live) {
      await this.lifecycle.transition(manager, need.id, NeedStatus.CANCELLED, null, ERASURE_REASON);
    }
    // Helpers asked about these needs, and the person's own pending proposals, are withdrawn.
    await manager.query(
      `UPDATE match_proposals SET status = 'withdrawn', decided_at = now()
        WHERE status = 'pending' AND (need_id = ANY($1::uuid[]) OR helper_user_id = $2)`,
      [needIds, userId],
    );
    return live.length;
  }

  /** Notification refs about the person's needs, engagements and proposals (others' messages quote them). */
  private async relatedRefs(manager: EntityManager, userId: string, needIds: string[]): Promise<string[]> {
    const rows: { ref: string }[] = await manager.query(
      `SELECT prefix || id AS ref
         FROM engagements, unnest(ARRAY['engagement:', 'engagement-review:']) AS prefix
        WHERE helper_user_id = $1 OR need_id = ANY($2::uuid[])
       UNION ALL
       SELECT 'proposal:' || id FROM match_proposals WHERE helper_user_id = $1 OR need_id = ANY($2::uuid[])
       UNION ALL
       SELECT 'need:' || id FROM unnest($2::uuid[]) AS id`,
      [userId, needIds],
    );
    return rows.map((row) => row.ref);
  }

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
        const text = this.tryDecrypt(message.body_encrypted)?.toLowerCase();
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

  private tryDecrypt(value: string): string | undefined {
    try {
      return this.cipher.decrypt(value);
    } catch {
      return undefined;
    }
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
    const [, needsAnonymised]: [unknown[], number] = await manager.query(
      `UPDATE needs SET description = $2, address_encrypted = NULL, sensitive_notes_encrypted = NULL,
              lat = round(lat::numeric, 2), lon = round(lon::numeric, 2),
              details = CASE WHEN details ? 'ride' THEN jsonb_set(jsonb_set(jsonb_set(details,
                  '{ride,pickupPlace}', to_jsonb($2::text)),
                  '{ride,destinationPlace}', to_jsonb($2::text)),
                  '{ride,pickupLocation}', ${MOVED_PICKUP})
                ELSE details END
        WHERE id = ANY($1::uuid[])`,
      [needIds, ERASED_TEXT],
    );
    // What the person wrote (needs, profile, offers, reviews, replies); an organisation's or a
    // Comune's content stays as it is.
    await manager.query(
      `UPDATE moderation_items SET summary = content_type || ': ' || $2
        WHERE (content_type = 'need' AND content_id = ANY($1::uuid[]))
           OR (author_user_id = $3 AND content_type NOT IN ('organisation', 'service_offer', 'call_to_action'))`,
      [needIds, ERASED_TEXT, userId],
    );
    // Relatives the person entered: the name is required by the table, so it becomes the placeholder.
    await manager.query(
      `UPDATE beneficiaries SET full_name_encrypted = $2, phone_encrypted = NULL
        WHERE created_by_user_id = $1 AND kind = 'relative'`,
      [userId, this.cipher.encrypt(ERASED_TEXT)],
    );
    // Free-text reasons the person wrote, and those written by others about their needs.
    await manager.query(
      `UPDATE status_history SET reason = NULL
        WHERE reason IS NOT NULL AND (actor_user_id = $1 OR entity_id = ANY($2::uuid[]))`,
      [userId, needIds],
    );
    // Reviews keep their stars (satisfaction, ratings); the words by or about the person go.
    const [, reviewsAnonymised]: [unknown[], number] = await manager.query(
      `UPDATE reviews SET comment = NULL, updated_at = now()
        WHERE (author_user_id = $1 OR subject_user_id = $1) AND comment IS NOT NULL`,
      [userId],
    );
    await manager.query(
      `UPDATE review_replies SET body = $2, updated_at = now()
        WHERE author_user_id = $1 OR review_id IN (SELECT id FROM reviews WHERE subject_user_id = $1)`,
      [userId, ERASED_TEXT],
    );
    await manager.query(
      `UPDATE moderation_items SET summary = content_type || ': ' || $2
        WHERE content_type = 'review' AND content_id IN (SELECT id FROM reviews WHERE subject_user_id = $1)`,
      [userId, ERASED_TEXT],
    );
    await manager.query(`UPDATE content_reports SET reason = $2 WHERE reporter_user_id = $1`, [
      userId,
      ERASED_TEXT,
    ]);
    return { needsAnonymised, reviewsAnonymised };
  }

  /** The volunteer profile stays as an anonymous helper (hours, categories, Comune); the rest goes. */
  private async anonymiseVolunteering(
    manager: EntityManager,
    userId: string,
  ): Promise<Record<string, number>> {
    const [, profiles]: [unknown[], number] = await manager.query(
      `UPDATE volunteer_profiles p SET display_name = $2, bio = '', skills = '{}',
              home_lat = c.lat, home_lon = c.lon, updated_at = now()
         FROM comuni c WHERE c.istat = p.comune_istat AND p.user_id = $1`,
      [userId, ERASED_TEXT],
    );
    // Off the public lists: an anonymous profile is kept for the indicators, not for people to find.
    await manager.query(
      `UPDATE moderation_items SET status = 'hidden', needs_review = false
        WHERE author_user_id = $1 AND content_type IN ('volunteer_profile', 'volunteer_offer')`,
      [userId],
    );
    await manager.query(
      `DELETE FROM availability_windows WHERE volunteer_id IN (SELECT id FROM volunteer_profiles WHERE user_id = $1)`,
      [userId],
    );
    await manager.query(
      `UPDATE volunteer_offers SET status = 'cancelled', title = $2, description = '',
              from_place = CASE WHEN from_place IS NULL THEN NULL ELSE $2 END,
              to_place = CASE WHEN to_place IS NULL THEN NULL ELSE $2 END
        WHERE volunteer_id IN (SELECT id FROM volunteer_profiles WHERE user_id = $1)`,
      [userId, ERASED_TEXT],
    );
    await manager.query(
      `UPDATE volunteer_offer_join_requests SET message_encrypted = NULL WHERE requester_user_id = $1`,
      [userId],
    );
    await manager.query(
      `UPDATE call_answers SET message = NULL
        WHERE volunteer_id IN (SELECT id FROM volunteer_profiles WHERE user_id = $1)`,
      [userId],
    );
    return { volunteerProfilesAnonymised: profiles };
  }

  private async deletePersonalRows(
    manager: EntityManager,
    userId: string,
    phone: string | null,
  ): Promise<Record<string, number>> {
    const [, sessionsRevoked]: [unknown[], number] = await manager.query(
      `DELETE FROM sessions WHERE user_id = $1`,
      [userId],
    );
    await manager.query(`DELETE FROM user_roles WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM user_blocks WHERE blocker_user_id = $1 OR blocked_user_id = $1`, [
      userId,
    ]);
    await manager.query(`DELETE FROM consents WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM personal_data_exports WHERE user_id = $1`, [userId]);
    // Invitations to the person's number (kept as an HMAC and encrypted) or accepted by them.
    await manager.query(
      `DELETE FROM organisation_invitations WHERE accepted_by_user_id = $1 OR ($2::bytea IS NOT NULL AND phone_hmac = $2)`,
      [userId, phone ? this.phones.phoneLookupHmac(phone) : null],
    );
    if (phone) {
      // An organisation's contact number that is the person's own mobile.
      await manager.query(
        `UPDATE organisations SET contact_phone = NULL, updated_at = now() WHERE contact_phone = $1`,
        [phone],
      );
    }
    return { sessionsRevoked };
  }
}
