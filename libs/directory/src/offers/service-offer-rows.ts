/** A service offer as its rows are read: the columns, and the GraphQL object built from them. */
import { ContentType, ModerationStatus, moderationStatusSql } from '@prossimo/moderation';
import { cursorTimestampSql, DomainError } from '@prossimo/platform';
import { ServiceCategory, TargetGroup } from './categories';
import { Organisation, PriceBand, ServiceOffer, ServiceOfferStatus } from '../directory.types';
import { publicView } from '../organisations/organisation.service';
import { PriceModel, PriceUnit, WeeklySlot } from './offer-rules';

export const OFFER_COLUMNS = `o.id, o.organisation_id AS "organisationId", o.title, o.category,
  o.target_groups AS "targetGroups", o.description, o.area_comuni::text[] AS "areaComuni",
  o.radius_km AS "radiusKm", o.comune_istat::text AS "comuneIstat", o.lat, o.lon, o.schedule, o.capacity,
  o.accessibility_notes AS "accessibilityNotes", o.vehicle_seats AS "vehicleSeats",
  o.wheelchair_transport AS "wheelchairTransport", o.languages, o.price_model AS "priceModel",
  o.price_unit AS "priceUnit", o.price_cents AS "priceCents", o.price_bands AS "priceBands",
  o.vouchers_accepted AS "vouchersAccepted", o.status, o.created_at AS "createdAt", o.updated_at AS "updatedAt",
  ${cursorTimestampSql('o.created_at')} AS "createdAtKey",
  ${moderationStatusSql(ContentType.SERVICE_OFFER, 'o.id')} AS "moderationStatus"`;

export interface OfferRow {
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
  /** The RELEVANCE order's cursor key: ts_rank of the text search (see relevancePage). */
  relevance?: number | null;
  /** The offer's organisation (ORGANISATION_COLUMNS as JSON), when the query read it too. */
  organisation?: (Omit<Organisation, 'createdAt'> & { createdAt: string }) | null;
}

/** The offer's row, or SERVICE_OFFER_NOT_FOUND when it was not found. */
export function foundOfferRow(row: OfferRow | undefined): OfferRow {
  if (!row) throw new DomainError('SERVICE_OFFER_NOT_FOUND', { field: 'id' });
  return row;
}

export function toOffer(row: OfferRow): ServiceOffer {
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
    // Lists reach the public (the catalogue): the public view, as the organisation loader gives.
    ...(row.organisation
      ? {
          preloadedOrganisation: publicView({
            ...row.organisation,
            createdAt: new Date(row.organisation.createdAt),
          }),
        }
      : {}),
  };
}
