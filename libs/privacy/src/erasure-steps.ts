import { Injectable } from '@nestjs/common';
import { ENGAGEMENT_HISTORY_ENTITY, formatWhen } from '@prossimo/matching';
import { blankModerationSummaries, ContentType, deleteModerationRecords } from '@prossimo/moderation';
import { NotificationsService } from '@prossimo/notifications';
import { ERASED_TEXT, FieldCipher, recordStatusChange } from '@prossimo/platform';
import { NeedLifecycleService, NeedStatus } from '@prossimo/requests';
import { EntityManager } from 'typeorm';

/** The reason recorded in the status history of what an account erasure cancels. */
export const ERASURE_REASON = 'account erased';
const LIVE_NEED_STATUSES = ['draft', 'submitted', 'open', 'matched', 'in_progress'];

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

export interface OpenEngagement {
  id: string;
  needId: string;
  status: 'awaiting_confirmation' | 'confirmed' | 'in_progress';
  helperUserId: string;
  organisationId: string | null;
  citizenUserIds: string[];
  description: string;
  startsAt: Date;
}

/** Open engagements with what cancelling them needs (the need's people, its text, its start). */
export const OPEN_ENGAGEMENTS = `
  SELECT e.id, e.need_id AS "needId", e.status, e.helper_user_id AS "helperUserId",
         e.organisation_id AS "organisationId", n.description, lower(e.during) AS "startsAt",
         array_remove(ARRAY[CASE WHEN n.source = 'citizen' THEN n.author_user_id END, b.user_id], NULL)
           AS "citizenUserIds"
    FROM engagements e JOIN needs n ON n.id = e.need_id LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
   WHERE e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress')`;

/**
 * The steps an account erasure and a beneficiary erasure share: cancelling engagements and needs
 * (the other side told), waiting for matching runs, the person's messages, blanking needs.
 */
@Injectable()
export class ErasureSteps {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly notifications: NotificationsService,
    private readonly lifecycle: NeedLifecycleService,
  ) {}

  async cancelEngagement(
    manager: EntityManager,
    engagement: OpenEngagement,
    needTo: NeedStatus,
    historyReason: string,
    tell: { userId: string; summary: string; reason: string }[],
  ): Promise<void> {
    await manager.query(`UPDATE engagements SET status = 'cancelled', updated_at = now() WHERE id = $1`, [
      engagement.id,
    ]);
    await recordStatusChange(manager, {
      entityType: ENGAGEMENT_HISTORY_ENTITY,
      entityId: engagement.id,
      from: engagement.status,
      to: 'cancelled',
      actorUserId: null,
      reason: historyReason,
    });
    await this.notifications.cancelScheduled(manager, `engagement:${engagement.id}`);
    await this.lifecycle.transition(manager, engagement.needId, needTo, null, historyReason);
    for (const person of tell) {
      await this.notifications.notifyUser(manager, {
        userId: person.userId,
        event: 'engagement_cancelled',
        params: { summary: person.summary, when: formatWhen(engagement.startsAt), reason: person.reason },
        urgent: engagement.startsAt.getTime() - Date.now() < 24 * 3600_000,
      });
    }
  }

  /** Live needs are cancelled; userId (null for a person without an account) also loses their proposals. */

  async cancelLiveNeeds(
    manager: EntityManager,
    userId: string | null,
    needIds: string[],
    reason = ERASURE_REASON,
  ): Promise<number> {
    const live: { id: string }[] = await manager.query(
      `SELECT id FROM needs WHERE id = ANY($1::uuid[]) AND status = ANY($2::text[])`,
      [needIds, LIVE_NEED_STATUSES],
    );
    for (const need of live) {
      await this.lifecycle.transition(manager, need.id, NeedStatus.CANCELLED, null, reason);
    }
    // Helpers asked about these needs, and the person's own pending proposals, are withdrawn.
    await manager.query(
      `UPDATE match_proposals SET status = 'withdrawn', decided_at = now()
        WHERE status = 'pending' AND (need_id = ANY($1::uuid[]) OR helper_user_id = $2)`,
      [needIds, userId],
    );
    return live.length;
  }

  /**
   * Locks the needs that the query finds (FOR NO KEY UPDATE) after taking the matching engine's
   * per-need lock for each (matching-engine.service.ts, lockForMatching), in that order, as a
   * matching run does. A run that read a need before this erasure commits its messages, quoting
   * the need's text, before ours blank them; a run that starts later waits and then finds the need
   * closed. Rows first and the matching lock second deadlocked: a run holding the matching lock
   * locks the need's row when it records its match state (need_facts_lock_need), so each waited
   * for the other. The needs are looked up again under their row locks, in case one was added
   * meanwhile (its matching lock is then taken too).
   */
  async lockNeedsAfterMatchingRuns<Row extends { id: string }>(
    manager: EntityManager,
    sql: (lock: boolean) => string,
    params: unknown[],
  ): Promise<Row[]> {
    const seen = (await manager.query(sql(false), params)) as Row[];
    await this.waitForMatchingRuns(
      manager,
      seen.map((row) => row.id),
    );
    const locked = (await manager.query(sql(true), params)) as Row[];
    const known = new Set(seen.map((row) => row.id));
    await this.waitForMatchingRuns(
      manager,
      locked.map((row) => row.id).filter((id) => !known.has(id)),
    );
    return locked;
  }

  async waitForMatchingRuns(manager: EntityManager, needIds: string[]): Promise<void> {
    if (!needIds.length) return;
    await manager.query(
      `SELECT count(pg_advisory_xact_lock(hashtextextended('match-need:' || id, 0)))
         FROM (SELECT id FROM unnest($1::text[]) AS id ORDER BY id) AS ordered`,
      [needIds],
    );
  }

  /** Notification refs about the person's needs, engagements and proposals (others' messages quote them). */

  async relatedRefs(manager: EntityManager, userId: string | null, needIds: string[]): Promise<string[]> {
    const rows: { ref: string }[] = await manager.query(
      `SELECT prefix || id AS ref
         FROM engagements, unnest(ARRAY['engagement:', 'engagement-review:']) AS prefix
        WHERE helper_user_id = $1 OR need_id = ANY($2::uuid[])
       UNION ALL
       SELECT 'engagement:' || id || ':messages' FROM engagements WHERE helper_user_id = $1 OR need_id = ANY($2::uuid[])       UNION ALL
       SELECT 'proposal:' || id FROM match_proposals WHERE helper_user_id = $1 OR need_id = ANY($2::uuid[])
       UNION ALL
       SELECT 'need:' || id FROM unnest($2::uuid[]) AS id`,
      [userId, needIds],
    );
    return rows.map((row) => row.ref);
  }

  /**
   * The person's messages on engagements go, with their moderation records and the reports about
   * them; what the other parties wrote stays for them (their relayed copies to the person are
   * deleted with the person's notifications).
   */
  async eraseEngagementMessages(
    manager: EntityManager,
    condition: string,
    params: unknown[],
  ): Promise<{ engagementMessagesDeleted: number }> {
    const deleted: { id: string }[] = await manager.query(
      `WITH gone AS (DELETE FROM engagement_messages WHERE ${condition} RETURNING id)
       SELECT id FROM gone`,
      params,
    );
    const ids = deleted.map((row) => row.id);
    await deleteModerationRecords(manager, ContentType.ENGAGEMENT_MESSAGE, ids);
    return { engagementMessagesDeleted: ids.length };
  }

  tryDecrypt(value: string): string | undefined {
    try {
      return this.cipher.decrypt(value);
    } catch {
      return undefined;
    }
  }

  /**
   * The needs' own personal data: text, address, notes, exact places (rounded to about a
   * kilometre; a ride's pickup moved so that its kilometres stay), their moderation summaries and
   * the reasons written about them. Returns how many needs were blanked.
   */
  async blankNeeds(manager: EntityManager, needIds: string[]): Promise<number> {
    const [, needsBlanked]: [unknown[], number] = await manager.query(
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
    await blankModerationSummaries(manager, ContentType.NEED, needIds);
    await manager.query(
      `UPDATE status_history SET reason = NULL WHERE reason IS NOT NULL AND entity_id = ANY($1::uuid[])`,
      [needIds],
    );
    return needsBlanked;
  }
}
