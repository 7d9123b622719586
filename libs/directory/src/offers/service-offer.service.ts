import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { ContentType, ModerationService, ModerationStatus } from '@prossimo/moderation';
import {
  APP_CONFIG,
  AppConfig,
  cursorTimestampSql,
  decodeCursor,
  DomainError,
  JOBS,
  outboxJob,
  Page,
  ReadReplicaService,
  recordStatusChange,
  toPage,
  writeOutbox,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ServiceCategory, TargetGroup } from '../categories';
import {
  ArchiveServiceOfferInput,
  CreateServiceOfferInput,
  OrganisationServiceOffersArgs,
  PauseServiceOfferInput,
  PriceBand,
  SearchServiceOffersArgs,
  ServiceAreaInput,
  ServiceOffer,
  ServiceOfferInput,
  ServiceOfferOrder,
  ServiceOfferStatus,
  ResumeServiceOfferInput,
  UpdateServiceOfferInput,
} from '../directory.types';
import { checkCursor } from '../keyset';
import { ORGANISATION_MEMBER_ROLES } from '../organisations/organisation.service';
import {
  normaliseLanguages,
  NormalisedPrice,
  PriceModel,
  PriceUnit,
  WeeklySlot,
  validatePrice,
  validateSchedule,
} from './offer-rules';

export const SERVICE_OFFER_ENTITY = 'service_offer';

/** A centre further than this from every Comune centre is not in Italy (the sea, or a typo). */
export const MAX_KM_FROM_A_COMUNE = 30;
export const MAX_SEARCH_WORDS = 8;

const OFFER_COLUMNS = `o.id, o.organisation_id AS "organisationId", o.title, o.category,
  o.target_groups AS "targetGroups", o.description, o.area_comuni::text[] AS "areaComuni",
  o.radius_km AS "radiusKm", o.comune_istat::text AS "comuneIstat", o.lat, o.lon, o.schedule, o.capacity,
  o.accessibility_notes AS "accessibilityNotes", o.vehicle_seats AS "vehicleSeats",
  o.wheelchair_transport AS "wheelchairTransport", o.languages, o.price_model AS "priceModel",
  o.price_unit AS "priceUnit", o.price_cents AS "priceCents", o.price_bands AS "priceBands",
  o.vouchers_accepted AS "vouchersAccepted", o.status, o.created_at AS "createdAt", o.updated_at AS "updatedAt",
  ${cursorTimestampSql('o.created_at')} AS "createdAtKey",
  (SELECT mi.status FROM moderation_items mi
    WHERE mi.content_type = '${ContentType.SERVICE_OFFER}' AND mi.content_id = o.id) AS "moderationStatus"`;

interface OfferRow {
  id: string;
  organisationId: string;
  title: string;
  category: ServiceCategory;
  targetGroups: TargetGroup[];
  description: string;
  areaComuni: string[] | null;
  radiusKm: number | null;
  comuneIstat: string;
  lat: number;
  lon: number;
  schedule: WeeklySlot[];
  capacity: number | null;
  accessibilityNotes: string | null;
  vehicleSeats: number | null;
  wheelchairTransport: boolean;
  languages: string[];
  priceModel: PriceModel;
  priceUnit: PriceUnit | null;
  priceCents: number | null;
  priceBands: PriceBand[] | null;
  vouchersAccepted: boolean;
  status: ServiceOfferStatus;
  createdAt: Date;
  updatedAt: Date;
  createdAtKey: string;
  moderationStatus: ModerationStatus | null;
  distanceM?: number | null;
  /** The GiST index's distance (<->), the DISTANCE order's cursor key. */
  nearestKey?: number | null;
  rating?: number | null;
  /** ts_rank_cd of the text search, the RELEVANCE order's cursor key. */
  relevance?: number | null;
}

interface ResolvedArea {
  comuni: string[] | null;
  radiusKm: number | null;
  homeComune: string;
  lat: number;
  lon: number;
}

interface CheckedOffer {
  input: ServiceOfferInput;
  schedule: WeeklySlot[];
  price: NormalisedPrice;
  languages: string[];
}

@Injectable()
export class ServiceOfferService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly moderation: ModerationService,
    private readonly replica: ReadReplicaService,
  ) {}

  async create(user: AuthenticatedUser, input: CreateServiceOfferInput): Promise<ServiceOffer> {
    this.access.requireOrganisationRole(user, input.organisationId, ORGANISATION_MEMBER_ROLES);
    const checked = this.check(input);
    const id = await this.dataSource.transaction(async (manager) => {
      const [organisation]: unknown[] = await manager.query(`SELECT 1 FROM organisations WHERE id = $1`, [
        input.organisationId,
      ]);
      if (!organisation) throw new DomainError('ORGANISATION_NOT_FOUND', { field: 'organisationId' });
      const area = await this.resolveArea(manager, input.area);
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO service_offers (organisation_id, created_by_user_id, ${WRITABLE_COLUMNS})
         VALUES ($1, $2, ${writablePlaceholders(3)}) RETURNING id`,
        [input.organisationId, user.userId, ...writableValues(checked, area)],
      );
      await this.moderation.submit(manager, {
        contentType: ContentType.SERVICE_OFFER,
        contentId: row.id,
        comuneIstat: area.homeComune,
        authorUserId: user.userId,
        summary: input.title.trim(),
      });
      await recordStatusChange(manager, {
        entityType: SERVICE_OFFER_ENTITY,
        entityId: row.id,
        from: null,
        to: ServiceOfferStatus.ACTIVE,
        actorUserId: user.userId,
      });
      await this.askMatching(manager, row.id);
      return row.id;
    });
    return this.load(this.dataSource.manager, id);
  }

  /** Replaces the offer's content; it goes back to the moderators (and out of sight under pre-moderation). */
  async update(user: AuthenticatedUser, input: UpdateServiceOfferInput): Promise<ServiceOffer> {
    const checked = this.check(input);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForMember(manager, user, input.id);
      if (current.status === ServiceOfferStatus.ARCHIVED) {
        throw new DomainError('SERVICE_OFFER_ARCHIVED', { field: 'id' });
      }
      const area = await this.resolveArea(manager, input.area);
      await manager.query(
        `UPDATE service_offers SET (${WRITABLE_COLUMNS}) = (${writablePlaceholders(2)}), updated_at = now()
          WHERE id = $1`,
        [input.id, ...writableValues(checked, area)],
      );
      await this.moderation.submit(manager, {
        contentType: ContentType.SERVICE_OFFER,
        contentId: input.id,
        comuneIstat: area.homeComune,
        authorUserId: user.userId,
        summary: input.title.trim(),
      });
      await this.askMatching(manager, input.id);
    });
    return this.load(this.dataSource.manager, input.id);
  }

  /** Open needs in the offer's area may now find an answer: matching looks again after commit. */
  private async askMatching(manager: EntityManager, serviceOfferId: string): Promise<void> {
    await writeOutbox(manager, outboxJob(JOBS.matchNearServiceOffer, { serviceOfferId }));
  }

  async archive(user: AuthenticatedUser, input: ArchiveServiceOfferInput): Promise<ServiceOffer> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForMember(manager, user, input.id);
      if (current.status === ServiceOfferStatus.ARCHIVED) {
        throw new DomainError('SERVICE_OFFER_ARCHIVED', { field: 'id' });
      }
      await manager.query(`UPDATE service_offers SET status = 'archived', updated_at = now() WHERE id = $1`, [
        input.id,
      ]);
      await recordStatusChange(manager, {
        entityType: SERVICE_OFFER_ENTITY,
        entityId: input.id,
        from: current.status,
        to: ServiceOfferStatus.ARCHIVED,
        actorUserId: user.userId,
        reason: input.reason?.trim() || null,
      });
    });
    return this.load(this.dataSource.manager, input.id);
  }

  /**
   * The organisation takes an active offer out of the catalogue and of matching for a while (the
   * content and its moderation stay as they are); engagements already agreed go on.
   */
  async pause(user: AuthenticatedUser, input: PauseServiceOfferInput): Promise<ServiceOffer> {
    return this.move(user, input.id, ServiceOfferStatus.ACTIVE, ServiceOfferStatus.PAUSED, input.reason);
  }

  /** Back in the catalogue (once published) and in matching: open needs nearby are looked at again. */
  async resume(user: AuthenticatedUser, input: ResumeServiceOfferInput): Promise<ServiceOffer> {
    return this.move(user, input.id, ServiceOfferStatus.PAUSED, ServiceOfferStatus.ACTIVE, null);
  }

  private async move(
    user: AuthenticatedUser,
    id: string,
    from: ServiceOfferStatus,
    to: ServiceOfferStatus,
    reason: string | null | undefined,
  ): Promise<ServiceOffer> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForMember(manager, user, id);
      if (current.status !== from) {
        throw new DomainError(
          to === ServiceOfferStatus.PAUSED ? 'SERVICE_OFFER_NOT_ACTIVE' : 'SERVICE_OFFER_NOT_PAUSED',
          { field: 'id', params: { status: current.status } },
        );
      }
      await manager.query(`UPDATE service_offers SET status = $2, updated_at = now() WHERE id = $1`, [
        id,
        to,
      ]);
      await recordStatusChange(manager, {
        entityType: SERVICE_OFFER_ENTITY,
        entityId: id,
        from,
        to,
        actorUserId: user.userId,
        reason: reason?.trim() || null,
      });
      if (to === ServiceOfferStatus.ACTIVE) await this.askMatching(manager, id);
    });
    return this.load(this.dataSource.manager, id);
  }

  /** What citizens see, or the organisation's own (and supervising staff) whatever its state. */
  async offer(user: AuthenticatedUser | null, id: string): Promise<ServiceOffer> {
    const offer = await this.load(this.dataSource.manager, id);
    if (user && (await this.canSeeUnpublished(user, offer))) return offer;
    const [visible]: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM service_offers o WHERE o.id = $1 AND ${this.publicCondition()}`,
      [id],
    );
    if (!visible) throw new DomainError('SERVICE_OFFER_NOT_FOUND', { field: 'id' });
    return offer;
  }

  async organisationOffers(
    user: AuthenticatedUser,
    args: OrganisationServiceOffersArgs,
  ): Promise<Page<ServiceOffer>> {
    this.access.requireOrganisationRole(user, args.organisationId, ORGANISATION_MEMBER_ROLES);
    const params: unknown[] = [args.organisationId];
    const conditions = ['o.organisation_id = $1'];
    if (!args.includeArchived) conditions.push(`o.status <> 'archived'`);
    return this.page(conditions, params, ServiceOfferOrder.NEWEST, args.first, args.after, null);
  }

  /** The public catalogue: published offers of organisations accredited where the offer is. */
  async search(args: SearchServiceOffersArgs): Promise<Page<ServiceOffer>> {
    const filter = args.filter ?? {};
    const text = filter.text?.trim() || null;
    const order =
      args.order ??
      (filter.near
        ? ServiceOfferOrder.DISTANCE
        : text
          ? ServiceOfferOrder.RELEVANCE
          : ServiceOfferOrder.NEWEST);
    if (order === ServiceOfferOrder.DISTANCE && !filter.near) {
      throw new DomainError('SEARCH_DISTANCE_NEEDS_NEAR', { field: 'order' });
    }
    if (order === ServiceOfferOrder.RELEVANCE && !text) {
      throw new DomainError('SEARCH_RELEVANCE_NEEDS_TEXT', { field: 'order' });
    }
    const params: unknown[] = [];
    const conditions = [this.publicCondition()];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.category) conditions.push(`o.category = ${add(filter.category)}`);
    if (filter.comuneIstat) {
      const istat = add(filter.comuneIstat);
      conditions.push(`(o.area_comuni @> ARRAY[${istat}]::char(6)[]
        OR (o.radius_km IS NOT NULL AND EXISTS (SELECT 1 FROM comuni c WHERE c.istat = ${istat}
              AND earth_distance(ll_to_earth(c.lat, c.lon), o.earth) <= o.radius_km * 1000)))`);
    }
    let distance: string | null = null;
    let nearestFirst: string | null = null;
    if (filter.near) {
      const centre = `ll_to_earth(${add(filter.near.lat)}::float8, ${add(filter.near.lon)}::float8)`;
      const metres = add(filter.near.radiusKm * 1000);
      // o.earth is ll_to_earth(lat, lon), stored: computed once per write, not per row searched.
      distance = `earth_distance(${centre}, o.earth)`;
      // The straight-line distance through the globe grows with the distance along it, so it sorts
      // the same, and costs far less per row than earth_distance (no arc sine): on the bench:api
      // data the search's PostgreSQL time per request fell by about a fifth. It is also the GiST
      // index's own order (<->), should the planner choose to walk the index nearest first.
      nearestFirst = `(o.earth <-> ${centre})`;
      // The box uses the GiST index; the exact distance trims its corners.
      conditions.push(`earth_box(${centre}, ${metres}::float8) @> o.earth`);
      conditions.push(`${distance} <= ${metres}::float8`);
    }
    if (filter.timeOfWeek) {
      const day = add(filter.timeOfWeek.dayOfWeek);
      const time = add(filter.timeOfWeek.time);
      conditions.push(`EXISTS (SELECT 1 FROM jsonb_to_recordset(o.schedule) AS s("dayOfWeek" int, start text, "end" text)
        WHERE s."dayOfWeek" = ${day}::int AND s.start COLLATE "C" <= ${time}::text AND s."end" COLLATE "C" > ${time}::text)`);
    }
    if (filter.maxPriceCentsPerHour !== undefined && filter.maxPriceCentsPerHour !== null) {
      conditions.push(`o.min_cents_per_hour <= ${add(filter.maxPriceCentsPerHour)}`);
    }
    if (filter.freeOnly) conditions.push(`o.price_model = 'free'`);
    if (filter.vouchersAccepted) conditions.push(`o.vouchers_accepted`);
    let relevance: string | null = null;
    if (text) {
      const words = text.split(/\s+/).slice(0, MAX_SEARCH_WORDS);
      const query = `websearch_to_tsquery('italian', f_unaccent(${add(words.join(' '))}))`;
      // Italian stems ("visite mediche" for "visita medica"), through the GIN index on the stored
      // vector; or, word by word, part of a word or a small typo through the trigram index.
      conditions.push(`(o.search_vector @@ ${query} OR ${wordByWord(words, add)})`);
      // Cover density: words close together count more, the title (A) above the description (B).
      // float8 so the cursor carries the exact value back (a float4 would round in JSON).
      relevance = `ts_rank_cd(o.search_vector, ${query})::float8`;
    }
    return this.page(conditions, params, order, args.first, args.after, distance, nearestFirst, relevance);
  }

  /** SQL condition on alias `o`: active, published, and the organisation accredited for the home Comune. */
  publicCondition(): string {
    return `o.status = 'active' AND ${this.moderation.publishedCondition(ContentType.SERVICE_OFFER, 'o.id')}
      AND EXISTS (SELECT 1 FROM organisation_accreditations a
                    JOIN territory_comuni tc ON tc.territory_id = a.territory_id
                   WHERE a.organisation_id = o.organisation_id AND a.status = 'accredited'
                     AND tc.comune_istat = o.comune_istat)`;
  }

  private async page(
    conditions: string[],
    params: unknown[],
    order: ServiceOfferOrder,
    first: number,
    after: string | undefined,
    distance: string | null,
    nearestFirst: string | null = null,
    relevance: string | null = null,
  ): Promise<Page<ServiceOffer>> {
    const cursor = decodeCursor(after, 2);
    let orderBy: string;
    let rating: string | null = null;
    /** Highest `score` first, ties by id: the pair is unique, so pages neither repeat nor skip. */
    const bestFirst = (score: string) => {
      if (cursor) {
        checkCursor(cursor, ['number', 'uuid']);
        params.push(cursor[0], cursor[1]);
        const [value, id] = [`$${params.length - 1}::float8`, `$${params.length}::uuid`];
        conditions.push(`(${score} < ${value} OR (${score} = ${value} AND o.id > ${id}))`);
      }
      return `${score} DESC, o.id`;
    };
    if (order === ServiceOfferOrder.RELEVANCE && relevance) {
      orderBy = bestFirst(relevance);
    } else if (order === ServiceOfferOrder.RATING) {
      rating = this.ratingExpression(params);
      orderBy = bestFirst(rating);
    } else if (order === ServiceOfferOrder.DISTANCE && nearestFirst) {
      // The cursor holds the index's own distance, so pages follow exactly the order they come in.
      if (cursor) {
        checkCursor(cursor, ['number', 'uuid']);
        params.push(cursor[0], cursor[1]);
        conditions.push(`(${nearestFirst}, o.id) > ($${params.length - 1}::float8, $${params.length}::uuid)`);
      }
      orderBy = `${nearestFirst}, o.id`;
    } else {
      if (cursor) {
        checkCursor(cursor, ['timestamp', 'uuid']);
        params.push(cursor[0], cursor[1]);
        conditions.push(
          `(o.created_at, o.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
        );
      }
      orderBy = 'o.created_at DESC, o.id DESC';
    }
    params.push(first + 1);
    const limit = `$${params.length}`;
    const select = `SELECT ${OFFER_COLUMNS}, ${distance ?? 'NULL::float8'} AS "distanceM", ${rating ?? 'NULL::float8'} AS rating,
              ${nearestFirst ?? 'NULL::float8'} AS "nearestKey", ${relevance ?? 'NULL::float8'} AS relevance
         FROM service_offers o
        WHERE ${conditions.join(' AND ')}`;
    // Nearest first, the inner query walks the GiST index in its own order (`<->`, the box as
    // index condition) and stops at the page: a dense town costs a page of rows, not its whole
    // box, checked and sorted (on the bench:api data, PostgreSQL CPU per search 3.9 -> 1.2 ms).
    // The index can only give the order by distance alone, so the id tie-break is the outer
    // sort's, over the page and every row tied with its last (WITH TIES). The page size is a
    // sub-select on purpose: with a LIMIT it cannot see, the planner keeps the fast-start ordered
    // walk; with the value, its fixed box selectivity (a few rows) made it fetch the box and sort.
    const sql =
      order === ServiceOfferOrder.DISTANCE && nearestFirst
        ? `SELECT * FROM (${select}
            ORDER BY ${nearestFirst} FETCH FIRST (SELECT ${limit}::int) ROWS WITH TIES) page
          ORDER BY "nearestKey", id LIMIT ${limit}`
        : `${select}
        ORDER BY ${orderBy} LIMIT ${limit}`;
    // The catalogue is the hottest read: prepared, so it is not planned again on every request.
    // On the read replica when there is one: a catalogue a second behind is fine.
    const rows = await this.replica.queryPrepared<OfferRow>(sql, params);
    const page = toPage(rows, first, (row) =>
      order === ServiceOfferOrder.RATING
        ? [row.rating as number, row.id]
        : order === ServiceOfferOrder.RELEVANCE
          ? [row.relevance as number, row.id]
          : order === ServiceOfferOrder.DISTANCE
            ? [row.nearestKey as number, row.id]
            : [row.createdAtKey, row.id],
    );
    return { items: page.items.map(toOffer), pageInfo: page.pageInfo };
  }

  /**
   * The offer's Bayesian average from the reputation aggregates (libs/reputation): its own reviews,
   * else its organisation's, each only from the public minimum count; otherwise the prior. Computed
   * here with the configured prior, so a changed prior needs no recount.
   */
  private ratingExpression(params: unknown[]): string {
    params.push(this.config.REPUTATION_PRIOR_MEAN, this.config.REPUTATION_PRIOR_WEIGHT);
    const [mean, weight] = [`$${params.length - 1}::float8`, `$${params.length}::float8`];
    params.push(this.config.REVIEW_MIN_PUBLIC_COUNT);
    const minimum = `$${params.length}::int`;
    return `coalesce((SELECT (${weight} * ${mean} + ra.overall_sum) / (${weight} + ra.review_count)
        FROM review_aggregates ra
       WHERE ra.review_count >= ${minimum}
         AND ((ra.subject_kind = 'offer' AND ra.subject_id = o.id)
           OR (ra.subject_kind = 'organisation' AND ra.subject_id = o.organisation_id))
       ORDER BY ra.subject_kind = 'offer' DESC LIMIT 1), ${mean})`;
  }

  private check(input: ServiceOfferInput): CheckedOffer {
    return {
      input,
      schedule: validateSchedule(input.schedule ?? []),
      price: validatePrice(input.price),
      languages: normaliseLanguages(input.languages ?? []),
    };
  }

  /** A list of Comuni (the first is home), or a circle whose home is the Comune nearest its centre. */
  private async resolveArea(manager: EntityManager, area: ServiceAreaInput): Promise<ResolvedArea> {
    const hasList = area.comuneIstatCodes !== undefined && area.comuneIstatCodes !== null;
    const hasCircle = !!area.centre || (area.radiusKm !== undefined && area.radiusKm !== null);
    if (hasList && hasCircle) throw new DomainError('AREA_AMBIGUOUS', { field: 'area' });
    if (hasList) {
      const codes = [...new Set(area.comuneIstatCodes)];
      const rows: { istat: string; lat: number; lon: number }[] = await manager.query(
        `SELECT istat::text, lat, lon FROM comuni WHERE istat = ANY($1::char(6)[])`,
        [codes],
      );
      if (rows.length !== codes.length) {
        throw new DomainError('COMUNE_NOT_FOUND', { field: 'area.comuneIstatCodes' });
      }
      const home = rows.find((row) => row.istat === codes[0]) as { lat: number; lon: number };
      return { comuni: codes, radiusKm: null, homeComune: codes[0], lat: home.lat, lon: home.lon };
    }
    if (!area.centre) throw new DomainError('FIELD_REQUIRED', { field: 'area.comuneIstatCodes' });
    if (area.radiusKm === undefined || area.radiusKm === null) {
      throw new DomainError('FIELD_REQUIRED', { field: 'area.radiusKm' });
    }
    const [nearest]: { istat: string; km: number }[] = await manager.query(
      `SELECT istat::text, earth_distance(ll_to_earth(lat, lon), ll_to_earth($1, $2)) / 1000 AS km
         FROM comuni ORDER BY ll_to_earth(lat, lon) <-> ll_to_earth($1, $2) LIMIT 1`,
      [area.centre.lat, area.centre.lon],
    );
    if (!nearest || nearest.km > MAX_KM_FROM_A_COMUNE) {
      throw new DomainError('AREA_OUTSIDE_ITALY', { field: 'area.centre' });
    }
    return {
      comuni: null,
      radiusKm: area.radiusKm,
      homeComune: nearest.istat,
      lat: area.centre.lat,
      lon: area.centre.lon,
    };
  }

  private async lockForMember(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
  ): Promise<OfferRow> {
    const [row]: { organisationId: string }[] = await manager.query(
      `SELECT organisation_id AS "organisationId" FROM service_offers WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new DomainError('SERVICE_OFFER_NOT_FOUND', { field: 'id' });
    this.access.requireOrganisationRole(user, row.organisationId, ORGANISATION_MEMBER_ROLES);
    return this.loadRow(manager, id);
  }

  private async canSeeUnpublished(user: AuthenticatedUser, offer: ServiceOffer): Promise<boolean> {
    if (this.access.isPlatformAdmin(user)) return true;
    if (this.access.hasOrganisationRole(user, offer.organisationId, ORGANISATION_MEMBER_ROLES)) return true;
    try {
      await this.access.requireComuneRole(user, offer.comuneIstat, [
        Role.COMUNE_MODERATOR,
        Role.COMUNE_OPERATOR,
      ]);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'FORBIDDEN') return false;
      throw error;
    }
  }

  private async load(manager: EntityManager, id: string): Promise<ServiceOffer> {
    return toOffer(await this.loadRow(manager, id));
  }

  private async loadRow(manager: EntityManager, id: string): Promise<OfferRow> {
    const [row]: OfferRow[] = await manager.query(
      `SELECT ${OFFER_COLUMNS} FROM service_offers o WHERE o.id = $1`,
      [id],
    );
    if (!row) throw new DomainError('SERVICE_OFFER_NOT_FOUND', { field: 'id' });
    return row;
  }
}

const WRITABLE_COLUMNS = `title, category, target_groups, description, area_comuni, radius_km, comune_istat, lat, lon,
  schedule, capacity, accessibility_notes, languages, price_model, price_unit, price_cents, price_bands,
  min_cents_per_hour, vouchers_accepted, vehicle_seats, wheelchair_transport`;

function writablePlaceholders(from: number): string {
  return Array.from({ length: 21 }, (_, i) => `$${from + i}`).join(', ');
}

function writableValues(checked: CheckedOffer, area: ResolvedArea): unknown[] {
  const { input, price } = checked;
  return [
    input.title.trim(),
    input.category,
    [...new Set(input.targetGroups ?? [])],
    input.description.trim(),
    area.comuni,
    area.radiusKm,
    area.homeComune,
    area.lat,
    area.lon,
    JSON.stringify(checked.schedule),
    input.capacity ?? null,
    input.accessibilityNotes?.trim() || null,
    checked.languages,
    price.model,
    price.unit,
    price.amountCents,
    price.bands ? JSON.stringify(price.bands) : null,
    price.minCentsPerHour,
    price.vouchersAccepted,
    input.vehicle?.seats ?? null,
    input.vehicle?.wheelchairAccessible ?? false,
  ];
}

/** Typo tolerance only from this length: a shorter word's few trigrams would match too much. */
const MIN_TYPO_LENGTH = 4;

/**
 * Every word, as part of a word or (long enough) within a typo of one: the pre-stemming search,
 * kept for what stems miss ("fisio", "fisioterapai"). Written on the trigram index's expression, so
 * the planner can use it. Quotes (a phrase for websearch_to_tsquery) are dropped here; a word with a
 * leading minus must then be absent, as websearch_to_tsquery reads it.
 */
function wordByWord(words: string[], add: (value: unknown) => string): string {
  const haystack = `f_unaccent(lower(o.title || ' ' || o.description))`;
  const checks: string[] = [];
  for (const raw of words) {
    const excluded = raw.length > 1 && raw.startsWith('-');
    const word = (excluded ? raw.slice(1) : raw).replace(/"/g, '');
    if (!word) continue;
    const part = `${haystack} LIKE '%' || f_unaccent(lower(${add(escapeLike(word))})) || '%'`;
    if (excluded) checks.push(`NOT (${part})`);
    else if (word.length < MIN_TYPO_LENGTH) checks.push(part);
    // word_similarity(word, text) >= pg_trgm.word_similarity_threshold (0.6): "fisioterapai".
    else checks.push(`(${part} OR ${haystack} %> f_unaccent(lower(${add(word)})))`);
  }
  return checks.length ? `(${checks.join(' AND ')})` : 'false';
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function toOffer(row: OfferRow): ServiceOffer {
  return {
    id: row.id,
    organisationId: row.organisationId,
    title: row.title,
    category: row.category,
    targetGroups: row.targetGroups,
    description: row.description,
    area: {
      comuneIstatCodes: row.areaComuni,
      centre: row.radiusKm !== null ? { lat: row.lat, lon: row.lon } : null,
      radiusKm: row.radiusKm,
    },
    comuneIstat: row.comuneIstat,
    schedule: row.schedule,
    capacity: row.capacity,
    accessibilityNotes: row.accessibilityNotes,
    vehicle: { seats: row.vehicleSeats, wheelchairAccessible: row.wheelchairTransport },
    languages: row.languages,
    price: {
      model: row.priceModel,
      unit: row.priceUnit,
      amountCents: row.priceCents,
      bands: row.priceBands,
      vouchersAccepted: row.vouchersAccepted,
    },
    status: row.status,
    moderationStatus: row.moderationStatus,
    distanceKm: row.distanceM === null || row.distanceM === undefined ? null : row.distanceM / 1000,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
