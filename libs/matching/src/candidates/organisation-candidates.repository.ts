// The candidate search's repository for organisations: offers, organisations and their
// accreditations through directory's SQL parts, their contacts through identity's, their
// publication through moderation's. Module functions for the same reason as
// volunteer-candidates.repository.ts; the search runs as a named prepared statement.
import { AVAILABILITY_TIME_ZONE, weeklySpanOf } from '@prossimo/community';
import {
  joinOrganisationSql,
  organisationAccreditedForComuneSql,
  serviceOffersAs,
  widestActiveCircleMetresSql,
} from '@prossimo/directory';
import { organisationContactSql } from '@prossimo/identity';
import { ContentType, itemPublishedSql } from '@prossimo/moderation';
import { queryPreparedIn } from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { CandidateFacts } from '../scoring/score';
import {
  CandidateStage,
  checkedInOrder,
  MatchableNeed,
  metresOfChord,
  needPoint,
  trackRecordJoins,
} from './volunteer-candidates.repository';

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
const CONTACT = organisationContactSql('o.id');

/**
 * The hard constraints of an organisation's offer, in the volunteers' stages (CandidateStage):
 * 'range' (active, category, published, serving the need's place; the organisation accredited
 * for the need's Comune, with a contact who is not the citizen nor blocked by them), 'available'
 * (open at that time, room left), 'requirements' (language; for a ride, wheelchair and seats). `offer` holds those on the offer,
 * `organisation` those on the organisation and its contact, so that a search can check the
 * latter once per organisation instead of once per offer. `distanceMetres` is the offer's distance
 * from the place in SQL.
 */
function organisationConditions(
  need: MatchableNeed & { comuneIstat: string },
  p: (value: unknown) => string,
  upTo: CandidateStage,
  distanceMetres = `earth_distance(${needPoint(need, p)}, so.earth)`,
): { offer: string[]; organisation: string[] } {
  const comune = p(need.comuneIstat);
  const citizens = p(need.citizenUserIds);
  const offer = [
    `(${comune} = ANY(so.area_comuni) OR (so.radius_km IS NOT NULL
       AND ${distanceMetres} <= so.radius_km * 1000))`,
    itemPublishedSql(ContentType.SERVICE_OFFER, 'so.id'),
  ];
  const organisation = [
    organisationAccreditedForComuneSql('o.id', comune),
    `contact.user_id <> ALL(${citizens}::uuid[])`,
    `NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocked_user_id = contact.user_id
       AND ub.blocker_user_id = ANY(${citizens}::uuid[]))`,
  ];
  if (upTo === 'range') return { offer, organisation };

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
  offer.push(
    schedule,
    `(so.capacity IS NULL OR so.capacity > (SELECT count(*) FROM engagements e WHERE e.service_offer_id = so.id
       AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress')
       AND e.during && tstzrange(${start}, ${end}, '[)')))`,
  );
  if (upTo === 'available') return { offer, organisation };

  const language = p(need.language);
  // Cheap, so checked before the schedule and the capacity. A ride also needs the offer's vehicle:
  // a wheelchair only where it says it carries one; seats where it declares them.
  const requirements = [
    `(${language} = ANY(so.languages) OR (cardinality(so.languages) = 0 AND ${language} = 'it'))`,
  ];
  if (need.ride) {
    requirements.push(`(so.vehicle_seats IS NULL OR so.vehicle_seats >= ${p(need.ride.passengers)}::int)`);
    if (need.ride.wheelchair) requirements.push(`so.wheelchair_transport`);
  }
  offer.splice(1, 0, ...requirements);
  return { offer, organisation };
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
  const { offer, organisation } = organisationConditions(need, p, upTo);
  const here = needPoint(need, p);
  const category = p(need.category);
  // Only offers whose area can hold the place, found by index (a BitmapOr): those listing its
  // Comune, and those within the category's widest circle of it. A superset of the exact test.
  const [row]: { n: number }[] = await manager.query(
    `SELECT count(DISTINCT o.id)::int AS n
       FROM ${serviceOffersAs('so')} ${joinOrganisationSql('o', 'so.organisation_id')} ${CONTACT}
      WHERE (so.area_comuni @> ARRAY[${p(need.comuneIstat)}::char(6)]
             OR earth_box(${here}, ${widestActiveCircleMetresSql(category)}) @> so.earth)
        AND so.status = 'active' AND so.category = ${category}
        AND ${[...offer, ...organisation].join(' AND ')}`,
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
  // The walk takes the nearest `walked` offers that pass the offer's own checks; when those hold
  // fewer than `limit` eligible organisations and the walk was cut short, a longer one follows.
  // A cut walk's answer is exact once it fills the limit: an organisation it did not reach has
  // every passing offer strictly farther than the last one walked (ties on that distance all
  // come along), so farther than every organisation it kept.
  for (const perOrganisation of WALK_OFFERS_PER_ORGANISATION) {
    const walked = Math.ceil(Math.max(1, limit) * perOrganisation);
    const found = await organisationCandidatesWalking(manager, need, limit, options, walked);
    if (found.rows.length >= limit || found.offersWalked < walked) return found.rows;
  }
  return (await organisationCandidatesWalking(manager, need, limit, options, null)).rows;
}

/**
 * Near a town an organisation has one or two open offers among the nearest (bench:matching: 152
 * offers within 8 km of a need, of 127 organisations), so a quarter more offers than the limit
 * nearly always fills it (bench:matching: 1,999 of the 2,000 rides; walking twice the limit, as
 * before, read 60% more offers for the same answer); the longer walks are for places where a few
 * organisations hold most offers.
 */
const WALK_OFFERS_PER_ORGANISATION = [1.25, 8];

async function organisationCandidatesWalking(
  manager: EntityManager,
  need: MatchableNeed & { comuneIstat: string },
  limit: number,
  options: { organisationId?: string },
  walked: number | null,
): Promise<{ rows: OrganisationCandidateRow[]; offersWalked: number }> {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const { offer, organisation } = organisationConditions(need, p, 'requirements', metresOfChord('so.chord'));
  const here = needPoint(need, p);
  const category = `${p(need.category)}::text`;
  const comune = `${p(need.comuneIstat)}::char(6)`;
  const maxKm = p(Math.min(need.maxDistanceKm ?? MAX_RADIUS_KM, MAX_RADIUS_KM));
  const box = `earth_box(${here}, ${widestActiveCircleMetresSql(category)})`;
  const onlyOrganisation = options.organisationId
    ? `AND so.organisation_id = ${p(options.organisationId)}::uuid`
    : '';
  organisation.push(`NOT EXISTS (SELECT 1 FROM match_proposals mp WHERE mp.need_id = ${p(need.id)}::uuid
       AND mp.organisation_id = o.id AND mp.status <> 'withdrawn')`);
  const beneficiary = p(need.beneficiaryId);
  // Open at the need's time, by the minutes of the week each offer is open (migration
  // 1763703000000): a superset of the exact schedule check, answered by the walk's index, so that
  // when no offer is open then the walk ends at once instead of reading every offer in the box.
  const span = weeklySpanOf(need.slot.start, need.slot.end, AVAILABILITY_TIME_ZONE);
  const open = `so.open_minutes @> int4range(${p(span?.start ?? 0)}::int, ${p(span?.end ?? 7 * MINUTES_PER_DAY)}::int, '[]')`;
  // The offers that can hold the place, nearest first: those within the widest circle of the
  // category (a distance-ordered walk of the (category, open minutes, point) GiST index, the box its index
  // condition) merged with those farther away that list the need's Comune (GIN, then sorted:
  // few). Each is checked as it comes (OFFSET 0 keeps the checks per offer, in order), and the
  // walk stops after `walked` passing offers, ties on the last distance included.
  const branch = (where: string) => `(SELECT so.*, so.earth <-> ${here} AS chord FROM ${serviceOffersAs('so')}
            WHERE so.status = 'active' AND so.category = ${category} AND ${open} AND ${where} ${onlyOrganisation}
            ORDER BY so.earth <-> ${here})`;
  const walk = `SELECT so.id, so.organisation_id, so.radius_km, so.chord
       FROM (${branch(`${box} @> so.earth`)}
             UNION ALL
             ${branch(`so.area_comuni @> ARRAY[${comune}] AND NOT (${box} @> so.earth)`)}) so
      WHERE ${checkedInOrder(offer)}
      ORDER BY so.chord
      ${walked === null ? '' : `FETCH FIRST (SELECT ${p(walked)}::int) ROWS WITH TIES`}`;
  // Then each organisation's nearest offer among those walked, nearest first; the organisation's
  // own checks, once each, until `limit` organisations pass; only then their engagement and
  // proposal statistics. The count of offers walked comes along on every row (a row of nulls
  // when nothing passed).
  const rows: (OrganisationCandidateRow & { offersWalked: number })[] = await queryPreparedIn(
    manager,
    `WITH walk AS MATERIALIZED (${walk})
     SELECT best.*, walked.n AS "offersWalked",
            coalesce(ra.review_count, 0) AS "ratingCount", coalesce(ra.overall_sum, 0)::float8 AS "ratingSum",
            es.completed AS "completedEngagements", es.no_shows AS "noShows",
            es.hours_30 AS "hoursLast30Days", es.good_with_citizen AS "previousGoodEngagementsWithCitizen",
            ps.accepted AS "proposalsAccepted", ps.declined AS "proposalsDeclined", ps.expired AS "proposalsExpired"
       FROM (SELECT count(*)::int AS n FROM walk) walked
       LEFT JOIN LATERAL (
         SELECT nearest.*, contact.user_id AS "userId", o.name AS "displayName" FROM (
           SELECT * FROM (
             SELECT DISTINCT ON (w.organisation_id) w.id AS "serviceOfferId", w.organisation_id AS "organisationId",
                    ${metresOfChord('w.chord')} / 1000 AS "distanceKm",
                    coalesce(w.radius_km, ${maxKm}::float8) AS "maxDistanceKm"
               FROM walk w
              ORDER BY w.organisation_id, w.chord, w.id) firsts
            ORDER BY "distanceKm", "organisationId" OFFSET 0) nearest
         ${joinOrganisationSql('o', 'nearest."organisationId"')}
         ${CONTACT}
          WHERE ${checkedInOrder(organisation)}
          ORDER BY nearest."distanceKm", nearest."organisationId"
          LIMIT ${p(limit)}) best ON true
       ${trackRecordJoins(beneficiary, 'e.organisation_id', 'organisation', 'mp.organisation_id', 'best."organisationId"')}
      ORDER BY best."distanceKm", best."organisationId"`,
    params,
  );
  const offersWalked = rows[0]?.offersWalked ?? 0;
  return {
    offersWalked,
    rows: rows
      .filter((row) => row.organisationId !== null)
      .map(({ offersWalked: _walked, ...row }) => ({
        ...row,
        distanceFrom: 'offer' as const,
        distanceKm: Number(row.distanceKm),
        maxDistanceKm: Math.max(Number(row.maxDistanceKm), Number(row.distanceKm)),
        hoursLast30Days: Number(row.hoursLast30Days),
      })),
  };
}
