// SQL parts of directory's service offers for other libraries' statements (issue 19: the table
// names stay in the owner's files).

/** The service offers under the caller's alias, for a FROM. */
export const serviceOffersAs = (alias: string): string => `service_offers ${alias}`;

/** Joins the service offer `alias` whose id is `serviceOfferIdColumn`. */
export const joinServiceOfferSql = (alias: string, serviceOfferIdColumn: string): string =>
  `JOIN service_offers ${alias} ON ${alias}.id = ${serviceOfferIdColumn}`;

/**
 * The widest circle of the category's active offers, in metres (0 when it has none), `category`
 * being SQL: an offer's circle can hold a place only if its centre lies within this of it. A max()
 * answered by migration 1763702500000's index.
 */
export const widestActiveCircleMetresSql = (category: string): string =>
  `(SELECT coalesce(max(w.radius_km) * 1000, 0) FROM service_offers w
       WHERE w.status = 'active' AND w.category = ${category})`;
