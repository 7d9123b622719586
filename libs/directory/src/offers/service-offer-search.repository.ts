import { Inject, Injectable } from '@nestjs/common';
import { ContentType, ModerationService } from '@prossimo/moderation';
import { APP_CONFIG, AppConfig, ReadReplicaService } from '@prossimo/platform';
import { bayesianOfferRatingSql } from '@prossimo/reputation';
import { comuneCentreWithinSql, territoryComuniAs } from '@prossimo/territory';
import { ServiceOfferFilter, ServiceOfferOrder } from '../directory.types';
import { ORGANISATION_COLUMNS } from '../organisations/organisation.service';
import { OFFER_COLUMNS, OfferRow } from './service-offer-rows';

/** A search reads at most this many words of the text (the rest is ignored). */
export const MAX_SEARCH_WORDS = 8;

/**
 * A page cursor's values, decoded and checked by the caller: (created_at key, id) for the newest
 * first, (the order's number, id) otherwise.
 */
export type SearchCursor = (string | number)[];

/**
 * The catalogue's pages: an organisation's offers and the public search, built here as one
 * statement each and prepared on the read replica (ReadReplicaService.queryPrepared). The offers'
 * rows come back as read, `first` plus one; the caller pages them.
 */
@Injectable()
export class ServiceOfferSearchRepository {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moderation: ModerationService,
    private readonly replica: ReadReplicaService,
  ) {}

  /** The organisation's offers, the archived only when asked, newest first. */
  organisationRows(
    organisationId: string,
    includeArchived: boolean,
    first: number,
    cursor: SearchCursor | undefined,
  ): Promise<OfferRow[]> {
    const params: unknown[] = [organisationId];
    const conditions = ['o.organisation_id = $1'];
    if (!includeArchived) conditions.push(`o.status <> 'archived'`);
    return this.page(conditions, params, ServiceOfferOrder.NEWEST, first, cursor, null);
  }

  /**
   * The public catalogue in `order` (checked by the caller against the filter): published offers
   * of organisations accredited where the offer is. `text` is the filter's text, trimmed, or null.
   */
  searchRows(
    filter: ServiceOfferFilter,
    text: string | null,
    order: ServiceOfferOrder,
    first: number,
    cursor: SearchCursor | undefined,
  ): Promise<OfferRow[]> {
    const params: unknown[] = [];
    /** The filters besides publicCondition(), which the relevance order checks last (see there). */
    const filters: string[] = [];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.category) filters.push(`o.category = ${add(filter.category)}`);
    if (filter.comuneIstat) {
      const istat = add(filter.comuneIstat);
      filters.push(`(o.area_comuni @> ARRAY[${istat}]::char(6)[]
        OR (o.radius_km IS NOT NULL AND ${comuneCentreWithinSql(istat, 'o.earth', 'o.radius_km * 1000')}))`);
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
      filters.push(`earth_box(${centre}, ${metres}::float8) @> o.earth`);
      filters.push(`${distance} <= ${metres}::float8`);
    }
    if (filter.timeOfWeek) {
      const day = add(filter.timeOfWeek.dayOfWeek);
      const time = add(filter.timeOfWeek.time);
      filters.push(`EXISTS (SELECT 1 FROM jsonb_to_recordset(o.schedule) AS s("dayOfWeek" int, start text, "end" text)
        WHERE s."dayOfWeek" = ${day}::int AND s.start COLLATE "C" <= ${time}::text AND s."end" COLLATE "C" > ${time}::text)`);
    }
    if (filter.maxPriceCentsPerHour !== undefined && filter.maxPriceCentsPerHour !== null) {
      filters.push(`o.min_cents_per_hour <= ${add(filter.maxPriceCentsPerHour)}`);
    }
    if (filter.freeOnly) filters.push(`o.price_model = 'free'`);
    if (filter.vouchersAccepted) filters.push(`o.vouchers_accepted`);
    if (text) {
      const words = text.split(/\s+/).slice(0, MAX_SEARCH_WORDS);
      // Each a sub-select, so a generic plan computes the query once, not once per row ranked.
      const search: TextSearch = {
        // Italian stems ("visite mediche" for "visita medica"), through the GIN index on the stored vector.
        stems: `(SELECT websearch_to_tsquery('italian', f_unaccent(${add(words.join(' '))})))`,
        // Parts of words and typos, as the stems of the catalogue's words they stand for.
        expanded: expandedQuery(words, add),
      };
      if (order === ServiceOfferOrder.RELEVANCE) {
        return this.relevanceRows(filters, params, search, first, cursor, distance);
      }
      filters.push(`(o.search_vector @@ ${search.stems} OR o.search_vector @@ ${search.expanded})`);
    }
    const conditions = [this.publicCondition(), ...filters];
    return this.page(conditions, params, order, first, cursor, distance, nearestFirst);
  }

  /** SQL condition on alias `o`: active, published, and the organisation accredited for the home Comune. */
  publicCondition(): string {
    return `o.status = 'active' AND ${this.moderation.publishedCondition(ContentType.SERVICE_OFFER, 'o.id')}
      AND EXISTS (SELECT 1 FROM organisation_accreditations a
                    JOIN ${territoryComuniAs('tc')} ON tc.territory_id = a.territory_id
                   WHERE a.organisation_id = o.organisation_id AND a.status = 'accredited'
                     AND tc.comune_istat = o.comune_istat)`;
  }

  private page(
    conditions: string[],
    params: unknown[],
    order: ServiceOfferOrder,
    first: number,
    cursor: SearchCursor | undefined,
    distance: string | null,
    nearestFirst: string | null = null,
  ): Promise<OfferRow[]> {
    let orderBy: string;
    let rating: string | null = null;
    /** Highest `score` first, ties by id: the pair is unique, so pages neither repeat nor skip. */
    const bestFirst = (score: string) => {
      if (cursor) {
        params.push(cursor[0], cursor[1]);
        const [value, id] = [`$${params.length - 1}::float8`, `$${params.length}::uuid`];
        conditions.push(`(${score} < ${value} OR (${score} = ${value} AND o.id > ${id}))`);
      }
      return `${score} DESC, o.id`;
    };
    if (order === ServiceOfferOrder.RATING) {
      rating = this.ratingExpression(params);
      orderBy = bestFirst(rating);
    } else if (order === ServiceOfferOrder.DISTANCE && nearestFirst) {
      // The cursor holds the index's own distance, so pages follow exactly the order they come in.
      if (cursor) {
        params.push(cursor[0], cursor[1]);
        conditions.push(`(${nearestFirst}, o.id) > ($${params.length - 1}::float8, $${params.length}::uuid)`);
      }
      orderBy = `${nearestFirst}, o.id`;
    } else {
      if (cursor) {
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
              ${nearestFirst ?? 'NULL::float8'} AS "nearestKey"
         FROM service_offers o
        WHERE ${conditions.join(' AND ')}`;
    // Nearest first, the inner query walks the GiST index in its own order (`<->`, the box as
    // index condition) and stops at the page: a dense town costs a page of rows, not its whole
    // box, checked and sorted (on the bench:api data, PostgreSQL CPU per search 3.9 -> 1.2 ms).
    // The index can only give the order by distance alone, so the id tie-break is the outer
    // sort's, over the page and every row tied with its last (WITH TIES). The page size is a
    // sub-select on purpose: with a LIMIT it cannot see, the planner keeps the fast-start ordered
    // walk; with the value, its fixed box selectivity (a few rows) made it fetch the box and sort.
    // The page's organisations come with it (one round trip instead of two per search: the
    // resolver's loader then has nothing to load), from the same snapshot as the offers.
    const sql =
      order === ServiceOfferOrder.DISTANCE && nearestFirst
        ? `SELECT page.*, (SELECT row_to_json(org) FROM (SELECT ${ORGANISATION_COLUMNS} FROM organisations o
                             WHERE o.id = page."organisationId") org) AS organisation
             FROM (${select}
            ORDER BY ${nearestFirst} FETCH FIRST (SELECT ${limit}::int) ROWS WITH TIES) page
          ORDER BY "nearestKey", id LIMIT ${limit}`
        : `${select}
        ORDER BY ${orderBy} LIMIT ${limit}`;
    // The catalogue is the hottest read: prepared, so it is not planned again on every request.
    // On the read replica when there is one: a catalogue a second behind is fine.
    return this.replica.queryPrepared<OfferRow>(sql, params);
  }

  /**
   * Best match first, paged by a (relevance, id) cursor. Two tiers: the offers that match the
   * stems, by their ts_rank; then, only when those leave the page short, the offers that match
   * only what the typed words may have meant (offer_search_expand: parts of words, typos), by
   * their ts_rank on that query less 2, so below every stem match (with the default weights,
   * ts_rank is at least 0 and under 1.61).
   *
   * Each tier is answered one of two ways, whichever applies (the other finds nothing at once):
   * a query of one lexeme walks offer_search_terms best first and stops at the page (a common
   * word: 21 index entries instead of ranking and sorting a fifth of the catalogue); any other
   * query ranks the offers the GIN index finds, sorts them, then checks the public condition in
   * that order until the page is full, so its EXISTS look-ups cost a page, not every match.
   */
  private relevanceRows(
    filters: string[],
    params: unknown[],
    search: TextSearch,
    first: number,
    cursor: SearchCursor | undefined,
    distance: string | null,
  ): Promise<OfferRow[]> {
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    let value: string | null = null;
    let id: string | null = null;
    if (cursor) {
      [value, id] = [`${add(cursor[0])}::float8`, `${add(cursor[1])}::uuid`];
    }
    const limit = add(first + 1);
    const publicCondition = this.publicCondition();
    /**
     * The matches of the query in CTE `queryCte` (its query and, for one lexeme, that lexeme) that
     * also meet `extra`, best first from the cursor, a page at most.
     */
    const tier = (queryCte: string, offset: number, extra: string[]): string => {
      const shift = offset ? ` - ${-offset}` : '';
      const fromCursor = (key: string, keyId: string) =>
        value ? [`(${key} < ${value} OR (${key} = ${value} AND ${keyId} > ${id}))`] : [];
      const query = `(SELECT query FROM ${queryCte})`;
      const lexeme = `(SELECT lexeme FROM ${queryCte})`;
      const walkKey = `t.rank::float8${shift}`;
      const walk = `SELECT o.id, ${walkKey} AS relevance
          FROM offer_search_terms t JOIN service_offers o ON o.id = t.offer_id
         WHERE ${[
           `t.lexeme = ${lexeme}`,
           // The index condition that starts the walk at the cursor.
           ...(value ? [`t.rank <= ${value}${offset ? ` + ${-offset}` : ''}`] : []),
           ...fromCursor(walkKey, 't.offer_id'),
           publicCondition,
           ...filters,
           ...extra,
         ].join(' AND ')}
         ORDER BY t.rank DESC, t.offer_id LIMIT ${limit}`;
      const rank = `ts_rank(o.search_vector, ${query})::float8${shift}`;
      // OFFSET 0 keeps the sorted matches a sub-query of their own: the public condition outside
      // is then checked in rank order and only until the page is full.
      const ranked = `SELECT o.id, o.relevance FROM (
            SELECT o.id, o.status, o.organisation_id, o.comune_istat, ${rank} AS relevance
              FROM service_offers o
             WHERE ${[`o.search_vector @@ ${query}`, ...fromCursor(rank, 'o.id'), ...filters, ...extra].join(' AND ')}
             ORDER BY relevance DESC, o.id OFFSET 0) o
         WHERE ${lexeme} IS NULL AND ${publicCondition}
         ORDER BY o.relevance DESC, o.id LIMIT ${limit}`;
      return `(${walk}) UNION ALL (${ranked})`;
    };
    /** Each query computed once, in a CTE of its own that the tier reads wherever it needs it. */
    const queryCte = (query: string) =>
      `SELECT q.query, offer_search_lexeme(q.query) AS lexeme FROM (SELECT ${query} AS query) q`;
    // Stem matches rank from 0 up: none is after a cursor below 0. The typo tier runs only when
    // the stems leave the page short (the words are not even looked up otherwise: NULL finds
    // nothing), and leaves out what the stems found.
    const stems = tier('stems_query', 0, value ? [`${value} >= 0`] : []);
    const short = `(SELECT count(*) FROM stems) < ${limit}`;
    const typos = tier('typos_query', -2, [
      short,
      `NOT (o.search_vector @@ (SELECT query FROM stems_query))`,
    ]);
    const sql = `WITH stems_query AS MATERIALIZED (${queryCte(search.stems)}),
      stems AS (${stems}),
      typos_query AS MATERIALIZED (${queryCte(`CASE WHEN ${short} THEN ${search.expanded} END`)}),
      typos AS (${typos})
      SELECT ${OFFER_COLUMNS}, ${distance ?? 'NULL::float8'} AS "distanceM", NULL::float8 AS rating,
             NULL::float8 AS "nearestKey", p.relevance
        FROM (SELECT id, relevance FROM stems UNION ALL SELECT id, relevance FROM typos) p
        JOIN service_offers o ON o.id = p.id
       ORDER BY p.relevance DESC, p.id LIMIT ${limit}`;
    return this.replica.queryPrepared<OfferRow>(sql, params);
  }

  /**
   * The offer's Bayesian average from reputation's aggregates (its part, bayesianOfferRatingSql): its own reviews,
   * else its organisation's, each only from the public minimum count; otherwise the prior. Computed
   * here with the configured prior, so a changed prior needs no recount.
   */
  private ratingExpression(params: unknown[]): string {
    params.push(this.config.REPUTATION_PRIOR_MEAN, this.config.REPUTATION_PRIOR_WEIGHT);
    const [mean, weight] = [`$${params.length - 1}::float8`, `$${params.length}::float8`];
    params.push(this.config.REVIEW_MIN_PUBLIC_COUNT);
    const minimum = `$${params.length}::int`;
    return bayesianOfferRatingSql({
      offerId: 'o.id',
      organisationId: 'o.organisation_id',
      mean,
      weight,
      minimum,
    });
  }
}

/** A text search: the stemmed query and what the typed words may have meant, as SQL sub-selects. */
interface TextSearch {
  stems: string;
  expanded: string;
}

/**
 * offer_search_expand (migration OfferSearchTerms) on the typed words: each word's matches in the
 * catalogue's words (part of a word, or within a typo), as their stems. Quotes (a phrase for
 * websearch_to_tsquery) are dropped here; a word with a leading minus must then be absent, as
 * websearch_to_tsquery reads it.
 */
function expandedQuery(words: string[], add: (value: unknown) => string): string {
  const typed: string[] = [];
  const excluded: boolean[] = [];
  for (const raw of words) {
    const minus = raw.length > 1 && raw.startsWith('-');
    const word = (minus ? raw.slice(1) : raw).replace(/"/g, '');
    if (!word) continue;
    typed.push(word);
    excluded.push(minus);
  }
  return `(SELECT offer_search_expand(${add(typed)}::text[], ${add(excluded)}::boolean[]))`;
}
