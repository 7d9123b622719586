import { FieldCipher } from '@prossimo/platform';
import { EntityManager } from 'typeorm';

type Row = Record<string, unknown>;

/**
 * Tables whose link to a person is handled by a section below. Any other table that refers to
 * users (a library added later) is exported generically, so the copy stays complete.
 */
const KNOWN_TABLES = new Set([
  'users',
  'user_roles',
  'sessions',
  'notifications',
  'notification_preferences',
  'beneficiaries',
  'needs',
  'status_history',
  'moderation_items',
  'content_reports',
  'organisations',
  'organisation_accreditations',
  'service_offers',
  'volunteer_profiles',
  'volunteer_offer_join_requests',
  'calls_to_action',
  'user_blocks',
  'match_proposals',
  'engagements',
  'consents',
  'personal_data_exports',
  'account_erasures',
  'care_group_members',
  'reviews',
  'review_replies',
  'engagement_messages',
]);

/** Columns never copied by the generic section: secrets, and columns naming who acted on others' data. */
const SKIPPED_COLUMN = /(hash|hmac|token|secret|_encrypted$)/;
const ACTOR_COLUMN = /(_by_user_id|^actor_user_id|^granted_by)/;

/**
 * Everything Prossimo holds about one person, as plain JSON: their account, consents, needs
 * (with the decrypted address and notes), engagements, volunteering, notifications, reviews and
 * the audit entries about them. Other people appear only as ids.
 */
export class PersonalDataCollector {
  constructor(
    private readonly manager: EntityManager,
    private readonly cipher: FieldCipher,
  ) {}

  async collect(userId: string): Promise<Record<string, unknown>> {
    const q = (sql: string, params: unknown[] = [userId]) =>
      this.manager.query(sql, params) as Promise<Row[]>;
    const [{ codice_fiscale_encrypted, ...account }] = await q(
      `SELECT id, phone_e164 AS "phoneE164", display_name AS "displayName", language, status,
              phone_verified_at AS "phoneVerifiedAt", created_at AS "createdAt", codice_fiscale_encrypted
         FROM users WHERE id = $1`,
    );
    const needs = await q(
      `SELECT n.id, n.source, n.status, n.category, n.description, n.comune_istat AS "comuneIstat", n.lat, n.lon,
              n.address_encrypted, n.window_start AS "windowStart", n.window_end AS "windowEnd", n.urgency,
              n.language, n.accessibility_needs AS "accessibilityNeeds", n.sensitive_notes_encrypted, n.details,
              n.created_at AS "createdAt", n.updated_at AS "updatedAt",
              b.kind AS "beneficiaryKind", b.relationship AS "beneficiaryRelationship",
              CASE WHEN b.created_by_user_id = $1 THEN b.full_name_encrypted END AS beneficiary_name_encrypted,
              CASE WHEN b.created_by_user_id = $1 THEN b.phone_encrypted END AS beneficiary_phone_encrypted,
              CASE WHEN b.created_by_user_id = $1 THEN b.codice_fiscale_encrypted END
                AS beneficiary_codice_fiscale_encrypted
         FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
        WHERE (n.author_user_id = $1 AND n.source <> 'desk') OR b.user_id = $1
        ORDER BY n.created_at`,
    );
    const needIds = needs.map((need) => need.id);
    const engagements = await q(
      `SELECT e.id, e.need_id AS "needId", CASE WHEN e.helper_user_id = $1 THEN 'helper' ELSE 'citizen' END AS role,
              e.status, lower(e.during) AS "startsAt", upper(e.during) AS "endsAt", e.hours_logged AS "hoursLogged",
              e.created_at AS "createdAt"
         FROM engagements e WHERE e.helper_user_id = $1 OR e.need_id = ANY($2::uuid[]) ORDER BY e.created_at`,
      [userId, needIds],
    );
    const engagementIds = engagements.map((engagement) => engagement.id);
    const exportIds = (await q(`SELECT id FROM personal_data_exports WHERE user_id = $1`)).map(
      (row) => row.id,
    );

    return {
      format: 'prossimo-personal-data/1',
      generatedAt: new Date().toISOString(),
      account: { ...account, codiceFiscale: this.decrypt(codice_fiscale_encrypted) },
      roles: await q(
        `SELECT role, territory_id AS "territoryId", organisation_id AS "organisationId", created_at AS "createdAt"
           FROM user_roles WHERE user_id = $1 ORDER BY created_at`,
      ),
      consents: await q(
        `SELECT kind, notice_version AS "noticeVersion", granted_at AS "grantedAt", withdrawn_at AS "withdrawnAt"
           FROM consents WHERE user_id = $1 ORDER BY granted_at`,
      ),
      notificationPreferences:
        (
          await q(
            `SELECT language, channels, email, quiet_start AS "quietStart", quiet_end AS "quietEnd",
                    family_name AS "familyContactName", family_phone AS "familyContactPhone",
                    family_consent_at AS "familyContactConsentAt"
               FROM notification_preferences WHERE user_id = $1`,
          )
        )[0] ?? null,
      needs: await Promise.all(needs.map((need) => this.need(need))),
      needStatusHistory: await q(
        `SELECT entity_id AS "needId", from_status AS "from", to_status AS "to", reason, created_at AS "createdAt"
           FROM status_history WHERE entity_type = 'need_lifecycle' AND entity_id = ANY($1::uuid[]) ORDER BY id`,
        [needIds],
      ),
      engagements,
      careGroupMemberships: await q(
        `SELECT group_id AS "groupId", need_id AS "needId", status, price_cents_per_hour AS "priceCentsPerHour",
                weekly_cents AS "weeklyCents", joined_at AS "joinedAt", left_at AS "leftAt"
           FROM care_group_members WHERE need_id = ANY($1::uuid[])`,
        [needIds],
      ),
      reviewsWritten: await q(
        `SELECT id, engagement_id AS "engagementId", subject_kind AS "subjectKind", criterion1_stars AS "criterion1Stars",
                criterion2_stars AS "criterion2Stars", criterion3_stars AS "criterion3Stars", overall_stars AS "overallStars",
                comment, status, created_at AS "createdAt", edited_at AS "editedAt"
           FROM reviews WHERE author_user_id = $1 ORDER BY created_at`,
      ),
      // What others wrote about the person, without saying who wrote it.
      reviewsReceived: await q(
        `SELECT r.id, r.engagement_id AS "engagementId", r.criterion1_stars AS "criterion1Stars",
                r.criterion2_stars AS "criterion2Stars", r.criterion3_stars AS "criterion3Stars",
                r.overall_stars AS "overallStars", r.comment, r.status, r.created_at AS "createdAt",
                rr.body AS "myReply"
           FROM reviews r LEFT JOIN review_replies rr ON rr.review_id = r.id AND rr.author_user_id = $1
          WHERE r.subject_user_id = $1 ORDER BY r.created_at`,
      ),
      reviewRepliesWritten: await q(
        `SELECT review_id AS "reviewId", body, status, created_at AS "createdAt"
           FROM review_replies WHERE author_user_id = $1 ORDER BY created_at`,
      ),
      proposalsReceived: await q(
        `SELECT id, need_id AS "needId", status, rank, score, distance_km AS "distanceKm", created_at AS "createdAt",
                decided_at AS "decidedAt"
           FROM match_proposals WHERE helper_user_id = $1 ORDER BY created_at`,
      ),
      volunteerProfile:
        (
          await q(
            `SELECT id, display_name AS "displayName", bio, skills, categories, languages, home_lat AS "homeLat",
                    home_lon AS "homeLon", comune_istat AS "comuneIstat", travel_radius_km AS "travelRadiusKm",
                    vehicle_seats AS "vehicleSeats", vehicle_wheelchair_accessible AS "vehicleWheelchairAccessible",
                    weekly_hour_limit AS "weeklyHourLimit", created_at AS "createdAt"
               FROM volunteer_profiles WHERE user_id = $1`,
          )
        )[0] ?? null,
      availability: await q(
        `SELECT w.kind, w.day_of_week AS "dayOfWeek", w.start_minute AS "startMinute", w.end_minute AS "endMinute",
                w.validity::text AS validity, w.during::text AS during
           FROM availability_windows w JOIN volunteer_profiles p ON p.id = w.volunteer_id WHERE p.user_id = $1`,
      ),
      volunteerOffers: await q(
        `SELECT o.id, o.kind, o.category, o.title, o.description, o.comune_istat AS "comuneIstat", o.from_place AS "fromPlace",
                o.to_place AS "toPlace", o.departure_at AS "departureAt", o.status, o.created_at AS "createdAt"
           FROM volunteer_offers o JOIN volunteer_profiles p ON p.id = o.volunteer_id WHERE p.user_id = $1`,
      ),
      joinRequests: (
        await q(
          `SELECT id, offer_id AS "offerId", seats, message_encrypted, status, created_at AS "createdAt"
             FROM volunteer_offer_join_requests WHERE requester_user_id = $1`,
        )
      ).map(({ message_encrypted, ...row }) => ({ ...row, message: this.decrypt(message_encrypted) })),
      callAnswers: await q(
        `SELECT a.call_id AS "callId", a.message, a.status, a.created_at AS "createdAt"
           FROM call_answers a JOIN volunteer_profiles p ON p.id = a.volunteer_id WHERE p.user_id = $1`,
      ),
      engagementMessagesSent: (
        await q(
          `SELECT id, engagement_id AS "engagementId", sender_side AS side, via, body_encrypted,
                  created_at AS "createdAt"
             FROM engagement_messages WHERE sender_user_id = $1 ORDER BY created_at`,
        )
      ).map(({ body_encrypted, ...row }) => ({ ...row, text: this.decrypt(body_encrypted) })),
      organisationsCreated: await q(
        `SELECT id, name, created_at AS "createdAt" FROM organisations WHERE created_by_user_id = $1`,
      ),
      reportsFiled: await q(
        `SELECT content_type AS "contentType", content_id AS "contentId", reason, created_at AS "createdAt"
           FROM content_reports WHERE reporter_user_id = $1`,
      ),
      blockedHelpers: await q(
        `SELECT blocked_user_id AS "userId", created_at AS "createdAt" FROM user_blocks WHERE blocker_user_id = $1`,
      ),
      notifications: (
        await q(
          `SELECT id, channel, event, status, body_encrypted, created_at AS "createdAt", sent_at AS "sentAt",
                  read_at AS "readAt"
             FROM notifications
            WHERE user_id = $1 OR recipient = $1::text
               OR recipient = (SELECT phone_e164 FROM users WHERE id = $1)
            ORDER BY created_at`,
        )
      ).map(({ body_encrypted, ...row }) => ({ ...row, text: this.decrypt(body_encrypted) })),
      dataExports: await q(
        `SELECT id, status, requested_at AS "requestedAt", ready_at AS "readyAt", expires_at AS "expiresAt"
           FROM personal_data_exports WHERE user_id = $1 ORDER BY requested_at`,
      ),
      auditEntries: await q(
        `SELECT id, action, entity_type AS "entityType", entity_id AS "entityId", actor_user_id AS "actorUserId",
                details, created_at AS "createdAt"
           FROM audit_log
          WHERE actor_user_id = $1
             OR (entity_type = 'user' AND entity_id = $1)
             OR (entity_type = 'need' AND entity_id = ANY($2::uuid[]))
             OR (entity_type = 'engagement' AND entity_id = ANY($3::uuid[]))
             OR (entity_type = 'personal_data_export' AND entity_id = ANY($4::uuid[]))
          ORDER BY id`,
        [userId, needIds, engagementIds, exportIds],
      ),
      otherRecords: await this.otherRecords(userId),
    };
  }

  private async need(row: Row): Promise<Row> {
    const {
      address_encrypted,
      sensitive_notes_encrypted,
      beneficiary_name_encrypted,
      beneficiary_phone_encrypted,
      beneficiary_codice_fiscale_encrypted,
      ...need
    } = row;
    return {
      ...need,
      address: this.decrypt(address_encrypted),
      sensitiveNotes: this.decrypt(sensitive_notes_encrypted),
      beneficiaryName: this.decrypt(beneficiary_name_encrypted),
      beneficiaryPhone: this.decrypt(beneficiary_phone_encrypted),
      beneficiaryCodiceFiscale: this.decrypt(beneficiary_codice_fiscale_encrypted),
    };
  }

  /** Rows of tables not listed above (reviews, care groups, ...) that point at the person. */
  private async otherRecords(userId: string): Promise<Record<string, Row[]>> {
    const links: { table_name: string; column_name: string }[] = await this.manager.query(
      `SELECT DISTINCT kcu.table_name, kcu.column_name
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_name = tc.constraint_name AND kcu.constraint_schema = tc.constraint_schema
         JOIN information_schema.constraint_column_usage ccu
           ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
          AND ccu.table_name = 'users' AND ccu.column_name = 'id'
        ORDER BY 1, 2`,
    );
    const result: Record<string, Row[]> = {};
    for (const link of links) {
      if (KNOWN_TABLES.has(link.table_name) || ACTOR_COLUMN.test(link.column_name)) continue;
      const columns: { column_name: string }[] = await this.manager.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
        [link.table_name],
      );
      const kept = columns.map((column) => column.column_name).filter((name) => !SKIPPED_COLUMN.test(name));
      const rows: Row[] = await this.manager.query(
        `SELECT ${kept.map((name) => `"${name}"`).join(', ')} FROM "${link.table_name}" WHERE "${link.column_name}" = $1`,
        [userId],
      );
      if (rows.length) result[`${link.table_name}.${link.column_name}`] = rows;
    }
    return result;
  }

  private decrypt(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    try {
      return this.cipher.decrypt(value);
    } catch {
      // A value encrypted under a retired key cannot be shown; the rest of the copy still can.
      return null;
    }
  }
}
