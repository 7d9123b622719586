import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';

type Row = Record<string, unknown>;

/**
 * "Download my data", matching's part: engagements as helper or on the person's needs (found by
 * requests), care groups of their needs, proposals received, messages sent, helpers blocked.
 */
@Injectable()
export class EngagementExport extends PersonalDataExportArea {
  readonly area = 'matching';
  readonly sections = [
    'engagements',
    'careGroupMemberships',
    'proposalsReceived',
    'engagementMessagesSent',
    'blockedHelpers',
  ];
  readonly tables = [
    'engagements',
    'match_proposals',
    'care_group_members',
    'user_blocks',
    'engagement_messages',
  ];

  async collect({
    manager,
    userId,
    found,
    decrypt,
  }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const needIds = found.need ?? [];
    const engagements: Row[] = await manager.query(
      `SELECT e.id, e.need_id AS "needId", CASE WHEN e.helper_user_id = $1 THEN 'helper' ELSE 'citizen' END AS role,
              e.status, lower(e.during) AS "startsAt", upper(e.during) AS "endsAt", e.hours_logged AS "hoursLogged",
              e.created_at AS "createdAt"
         FROM engagements e WHERE e.helper_user_id = $1 OR e.need_id = ANY($2::uuid[]) ORDER BY e.created_at`,
      [userId, needIds],
    );
    const careGroupMemberships = await manager.query(
      `SELECT group_id AS "groupId", need_id AS "needId", status, price_cents_per_hour AS "priceCentsPerHour",
              weekly_cents AS "weeklyCents", joined_at AS "joinedAt", left_at AS "leftAt"
         FROM care_group_members WHERE need_id = ANY($1::uuid[])`,
      [needIds],
    );
    const proposalsReceived = await manager.query(
      `SELECT id, need_id AS "needId", status, rank, score, distance_km AS "distanceKm", created_at AS "createdAt",
              decided_at AS "decidedAt"
         FROM match_proposals WHERE helper_user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const messages: Row[] = await manager.query(
      `SELECT id, engagement_id AS "engagementId", sender_side AS side, via, body_encrypted,
              created_at AS "createdAt"
         FROM engagement_messages WHERE sender_user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const blockedHelpers = await manager.query(
      `SELECT blocked_user_id AS "userId", created_at AS "createdAt" FROM user_blocks WHERE blocker_user_id = $1`,
      [userId],
    );
    return {
      sections: {
        engagements,
        careGroupMemberships,
        proposalsReceived,
        engagementMessagesSent: messages.map(({ body_encrypted, ...row }) => ({
          ...row,
          text: decrypt(body_encrypted),
        })),
        blockedHelpers,
      },
      found: { engagement: engagements.map((engagement) => engagement.id as string) },
    };
  }
}
