// A need as stored and as the API shows it to a given caller: shared by posting, deciding and reading.
import { AuthenticatedUser } from '@prossimo/identity';
import {
  AccessibilityNeed,
  Need,
  NeedAccess,
  NeedCategory,
  NeedDetails,
  NeedSource,
  NeedStatus,
  NeedUrgency,
} from '../requests.types';

export interface NeedRow {
  id: string;
  source: NeedSource;
  status: NeedStatus;
  category: NeedCategory;
  description: string;
  comuneIstat: string;
  lat: number;
  lon: number;
  addressEncrypted: string | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  urgency: NeedUrgency;
  language: string;
  accessibilityNeeds: AccessibilityNeed[];
  maxDistanceKm: number | null;
  sensitiveNotesEncrypted: string | null;
  details: StoredDetails;
  authorUserId: string | null;
  beneficiaryId: string | null;
  beneficiaryUserId: string | null;
  published: boolean;
  openedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Category details as stored in needs.details (jsonb: dates as ISO strings). */
export interface StoredDetails {
  ride?: {
    pickupPlace: string;
    pickupLocation: { lat: number; lon: number };
    destinationPlace: string;
    destinationLocation: { lat: number; lon: number };
    appointmentAt: string;
    returnTripWanted: boolean;
    returnAt: string | null;
    wheelchair: boolean;
    escortWaits: boolean;
    passengers: number;
  };
  sharedCaregiver?: {
    weeklyHours: number;
    weeklySchedule: { dayOfWeek: number; start: string; end: string }[];
    willingToShare: boolean;
    maxPricePerHourCents: number | null;
  };
}

export function needColumns(published: string): string {
  return `n.id, n.source, n.status, n.category, n.description, n.comune_istat AS "comuneIstat", n.lat, n.lon,
    n.address_encrypted AS "addressEncrypted", n.window_start AS "windowStart", n.window_end AS "windowEnd",
    n.urgency, n.language, n.accessibility_needs AS "accessibilityNeeds", n.max_distance_km AS "maxDistanceKm",
    n.sensitive_notes_encrypted AS "sensitiveNotesEncrypted", n.details, n.author_user_id AS "authorUserId",
    n.beneficiary_id AS "beneficiaryId", b.user_id AS "beneficiaryUserId", ${published} AS published,
    n.opened_at AS "openedAt", n.created_at AS "createdAt", n.updated_at AS "updatedAt"`;
}

/** About a kilometre: enough for a helper to judge the distance, not to find the door. */
function approximate(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The need as the caller may see it: exact places only for those with access. */
export function toNeed(row: NeedRow, user: AuthenticatedUser, access: NeedAccess): Need {
  const exact = access !== 'none';
  return {
    id: row.id,
    source: row.source,
    status: row.status,
    category: row.category,
    description: row.description,
    comuneIstat: row.comuneIstat,
    location: exact
      ? { lat: row.lat, lon: row.lon }
      : { lat: approximate(row.lat), lon: approximate(row.lon) },
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    urgency: row.urgency,
    language: row.language,
    accessibilityNeeds: row.accessibilityNeeds,
    maxDistanceKm: row.maxDistanceKm,
    details: toDetails(row.details, exact),
    visibleToHelpers: row.status === NeedStatus.OPEN && row.published,
    openedAt: row.openedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    access,
    viewerUserId: user.userId,
    authorUserId: row.authorUserId,
    beneficiaryId: row.beneficiaryId,
    addressEncrypted: row.addressEncrypted,
    sensitiveNotesEncrypted: row.sensitiveNotesEncrypted,
  };
}

export function toDetails(stored: StoredDetails, exact: boolean): NeedDetails {
  const ride = stored.ride;
  const care = stored.sharedCaregiver;
  return {
    ride: ride
      ? {
          ...ride,
          // The pickup is usually the person's home: exact only for those who may see the address.
          pickupPlace: exact ? ride.pickupPlace : null,
          pickupLocation: exact
            ? ride.pickupLocation
            : { lat: approximate(ride.pickupLocation.lat), lon: approximate(ride.pickupLocation.lon) },
          appointmentAt: new Date(ride.appointmentAt),
          returnAt: ride.returnAt ? new Date(ride.returnAt) : null,
        }
      : null,
    sharedCaregiver: care ?? null,
  };
}
