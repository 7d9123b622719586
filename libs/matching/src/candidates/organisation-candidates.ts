import { AVAILABILITY_TIME_ZONE, weeklySpanOf } from '@prossimo/community';
import { EntityManager } from 'typeorm';
import { CandidateFacts } from '../scoring/score';
import { CandidateStage, MatchableNeed, trackRecordJoins } from './candidate-query';

/** An accredited organisation's service offer that can answer a need. */
export interface OrganisationCandidateRow extends CandidateFacts {
  serviceOfferId: string;
  organisationId: string;
  /** The organisation's contact (its first admin, else its first operator): told and asked to answer. */
  userId: string;
  displayName: string;
}

const MAX_RADIUS_KM = 100;
const MINUTES_PER_DAY = 1440;

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The organisation's contact (its first active admin, else its first operator). */
const CONTACT = `CROSS JOIN LATERAL (
           SELECT ur.user_id FROM user_roles ur JOIN users u ON u.id = ur.user_id AND u.status = 'active'
            WHERE ur.organisation_id = o.id AND ur.role IN ('organisation_admin', 'organisation_operator')
            ORDER BY (ur.role = 'organisation_admin') DESC, ur.created_at, ur.user_id LIMIT 1) contact`;

/**
 * The hard constraints on an organisation's offer, in the volunteers' stages (CandidateStage):
 * 'range' (category, published, accredited for the need's Comune, serving its place, a contact
 * who is not the citizen nor blocked), 'available' (open at that time, room left), 'requirements'
 * (language).
 */
function organisationConditions(
  need: MatchableNeed & { comuneIstat: string },
  p: (value: unknown) => string,
  upTo: CandidateStage,
  withinMetres: number | null = null,
): string[] {
  const here = `ll_to_earth(${p(need.lat)}::float8, ${p(need.lon)}::float8)`;
  const comune = p(need.comuneIstat);
  const citizens = p(need.citizenUserIds);
  const category = p(need.category);
  // Only offers whose area can hold the place, found by index (a BitmapOr): those listing its
  // Comune, and circles whose centre lies within the widest active circle of the category (a
  // max() from migration 1763702500000's index; the box holds every point that near). A superset
  // of the exact test below, which stays; without it every active offer of the category was
  // tested one by one (bench:matching: 7,500 ride offers, ~90 ms per need).
  const widestMetres = `(SELECT max(w.radius_km) * 1000 FROM service_offers w
       WHERE w.status = 'active' AND w.category = ${category})`;
  // Or, for a first round near the place, every offer (listed Comuni or circle) whose point lies
  // within that distance: one index condition, and the exact distance trims the box's corners.
  let place = `(so.area_comuni @> ARRAY[${comune}::char(6)] OR earth_box(${here}, ${widestMetres}) @> so.earth)`;
  if (withinMetres !== null) {
    const within = p(withinMetres);
    place = `earth_box(${here}, ${within}::float8) @> so.earth AND earth_distance(${here}, so.earth) <= ${within}::float8`;
  }
  const out = [
    place,
    `so.status = 'active'`,
    `so.category = ${category}`,
    `EXISTS (SELECT 1 FROM moderation_items mi WHERE mi.content_type = 'service_offer'
       AND mi.content_id = so.id AND mi.status = 'published')`,
    `EXISTS (SELECT 1 FROM organisation_accreditations oa JOIN territory_comuni tc ON tc.territory_id = oa.territory_id
       WHERE oa.organisation_id = o.id AND oa.status = 'accredited' AND tc.comune_istat = ${comune})`,
    `(${comune} = ANY(so.area_comuni) OR (so.radius_km IS NOT NULL
       AND earth_distance(${here}, so.earth) <= so.radius_km * 1000))`,
    `contact.user_id <> ALL(${citizens}::uuid[])`,
    `NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocked_user_id = contact.user_id
       AND ub.blocker_user_id = ANY(${citizens}::uuid[]))`,
  ];
  if (upTo === 'range') return out;

  const start = p(need.slot.start);
  const end = p(need.slot.end);
  const span = weeklySpanOf(need.slot.start, need.slot.end, AVAILABILITY_TIME_ZONE);
  let schedule = `jsonb_array_length(so.schedule) = 0`;
  if (span) {
    const day = Math.floor(span.start / MINUTES_PER_DAY) + 1;
    const base = (day - 1) * MINUTES_PER_DAY;
    schedule = `(${schedule} OR EXISTS (SELECT 1 FROM jsonb_to_recordset(so.schedule) AS s("dayOfWeek" int, start text, "end" text)
      WHERE s."dayOfWeek" = ${p(day)}::int AND s.start COLLATE "C" <= ${p(hhmm(span.start - base))}::text
        AND s."end" COLLATE "C" >= ${p(hhmm(span.end - base))}::text))`;
  }
  out.push(
    schedule,
    `(so.capacity IS NULL OR so.capacity > (SELECT count(*) FROM engagements e WHERE e.service_offer_id = so.id
       AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress')
       AND e.during && tstzrange(${start}, ${end}, '[)')))`,
  );
  if (upTo === 'available') return out;

  const language = p(need.language);
  out.push(`(${language} = ANY(so.languages) OR (cardinality(so.languages) = 0 AND ${language} = 'it'))`);
  return out;
}

/** How many organisations pass the hard constraints up to a stage (for the unmatched reason). */
export async function countOrganisationCandidates(
  manager: EntityManager,
  need: MatchableNeed & { comuneIstat: string },
  upTo: CandidateStage,
): Promise<number> {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = organisationConditions(need, p, upTo);
  const [row]: { n: number }[] = await manager.query(
    `SELECT count(DISTINCT o.id)::int AS n
       FROM service_offers so JOIN organisations o ON o.id = so.organisation_id ${CONTACT}
      WHERE ${where.join(' AND ')}`,
    params,
  );
  return row.n;
}

/**
 * Service offers of organisations accredited in a territory that covers the need's Comune, in the
 * need's category, serving the need's place (its Comune is in the offer's list, or it lies in the
 * offer's circle), open at the need's time by the weekly schedule (an empty schedule means by
 * arrangement), in the need's language, and with room left: fewer live engagements overlapping
 * the slot than the offer's capacity (no capacity: no limit). One row per organisation, its
 * nearest offer, nearest first; organisations already asked for this need are left out.
 */
export async function findOrganisationCandidates(
  manager: EntityManager,
  need: MatchableNeed & { comuneIstat: string },
  limit: number,
  options: { organisationId?: string } = {},
): Promise<OrganisationCandidateRow[]> {
  // First the offers within a few km, then twice as far, then all of them, until `limit`
  // organisations have one. A bounded round's answer is exact when it fills the limit: an
  // organisation it did not see has every offer strictly farther than all those it kept.
  for (const km of ROUNDS_KM) {
    const near = await organisationCandidatesWithin(manager, need, limit, options, km * 1000);
    if (near.length >= limit) return near;
  }
  return organisationCandidatesWithin(manager, need, limit, options, null);
}

/**
 * Near a town, 50 organisations with an open offer lie within a few km (bench:matching: the 50th
 * within 8 km for four needs in five, 16 km for nearly all), while the circles reach 30 km: a
 * bounded round checks a fraction of the offers (its area), and a failed one costs little.
 */
const ROUNDS_KM = [8, 16];

async function organisationCandidatesWithin(
  manager: EntityManager,
  need: MatchableNeed & { comuneIstat: string },
  limit: number,
  options: { organisationId?: string },
  withinMetres: number | null,
): Promise<OrganisationCandidateRow[]> {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = organisationConditions(need, p, 'requirements', withinMetres);
  const here = `ll_to_earth(${p(need.lat)}::float8, ${p(need.lon)}::float8)`;
  const maxKm = p(Math.min(need.maxDistanceKm ?? MAX_RADIUS_KM, MAX_RADIUS_KM));
  // so.earth is the stored ll_to_earth(so.lat, so.lon): the same value, not computed per row.
  const distance = `earth_distance(${here}, so.earth)`;
  where.push(`NOT EXISTS (SELECT 1 FROM match_proposals mp WHERE mp.need_id = ${p(need.id)}::uuid
       AND mp.organisation_id = o.id AND mp.status <> 'withdrawn')`);
  if (options.organisationId) where.push(`o.id = ${p(options.organisationId)}::uuid`);
  const beneficiary = p(need.beneficiaryId);
  // One offer per organisation (its nearest), the nearest `limit` organisations, and only then
  // their engagement and proposal statistics: gathered per offer before, for every offer that
  // passed (hundreds near a town), though at most `limit` rows come out.
  const rows: OrganisationCandidateRow[] = await manager.query(
    `SELECT best.*,
            coalesce(ra.review_count, 0) AS "ratingCount", coalesce(ra.overall_sum, 0)::float8 AS "ratingSum",
            es.completed AS "completedEngagements", es.no_shows AS "noShows",
            es.hours_30 AS "hoursLast30Days", es.good_with_citizen AS "previousGoodEngagementsWithCitizen",
            ps.accepted AS "proposalsAccepted", ps.declined AS "proposalsDeclined", ps.expired AS "proposalsExpired"
       FROM (
         SELECT * FROM (
           SELECT DISTINCT ON (o.id) so.id AS "serviceOfferId", o.id AS "organisationId", contact.user_id AS "userId",
                  o.name AS "displayName", ${distance} / 1000 AS "distanceKm",
                  coalesce(so.radius_km, ${maxKm}::float8) AS "maxDistanceKm"
             FROM service_offers so JOIN organisations o ON o.id = so.organisation_id
             ${CONTACT}
            WHERE ${where.join(' AND ')}
            ORDER BY o.id, ${distance}, so.id) nearest
          ORDER BY "distanceKm", "organisationId"
          LIMIT ${p(limit)}) best
       ${trackRecordJoins(beneficiary, 'e.organisation_id', 'organisation', 'mp.organisation_id', 'best."organisationId"')}
      ORDER BY best."distanceKm", best."organisationId"`,
    params,
  );
  return rows.map((row) => ({
    ...row,
    distanceKm: Number(row.distanceKm),
    maxDistanceKm: Math.max(Number(row.maxDistanceKm), Number(row.distanceKm)),
    hoursLast30Days: Number(row.hoursLast30Days),
  }));
}
