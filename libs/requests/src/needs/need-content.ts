// What a posted need must hold, checked without the database, and its details as stored.
import { DomainError } from '@prossimo/platform';
import { StoredDetails } from './need-rows';
import { NeedCategory, NeedContentInput } from '../requests.types';

/** A point farther than this from every Comune centre (or from the given Comune) is not a place we serve. */
export const MAX_KM_FROM_COMUNE = 40;

/** Checks that need no database: the time window and the category details. */
export function checkContent(input: NeedContentInput): void {
  if (input.windowEnd.getTime() <= input.windowStart.getTime()) {
    throw new DomainError('NEED_WINDOW_REVERSED', { field: 'windowEnd' });
  }
  if (input.windowEnd.getTime() <= Date.now()) {
    throw new DomainError('NEED_WINDOW_PAST', { field: 'windowEnd' });
  }
  const details = input.details;
  if (input.category === NeedCategory.RIDES_AND_ACCOMPANIMENT) {
    const ride = details?.ride;
    if (!ride) throw new DomainError('NEED_DETAILS_REQUIRED', { field: 'details.ride' });
    const appointment = ride.appointmentAt.getTime();
    if (appointment < input.windowStart.getTime() || appointment > input.windowEnd.getTime()) {
      throw new DomainError('NEED_APPOINTMENT_OUTSIDE_WINDOW', { field: 'details.ride.appointmentAt' });
    }
    if (ride.returnTripWanted && !ride.returnAt) {
      throw new DomainError('FIELD_REQUIRED', { field: 'details.ride.returnAt' });
    }
    if (ride.returnAt && ride.returnAt.getTime() <= appointment) {
      throw new DomainError('NEED_RETURN_BEFORE_APPOINTMENT', { field: 'details.ride.returnAt' });
    }
  } else if (details?.ride) {
    throw new DomainError('NEED_DETAILS_NOT_FOR_CATEGORY', { field: 'details.ride' });
  }
  if (input.category === NeedCategory.SHARED_CAREGIVER) {
    const care = details?.sharedCaregiver;
    if (!care) throw new DomainError('NEED_DETAILS_REQUIRED', { field: 'details.sharedCaregiver' });
    care.weeklySchedule.forEach((slot, index) => {
      if (slot.end <= slot.start) {
        throw new DomainError('NEED_SLOT_REVERSED', {
          field: `details.sharedCaregiver.weeklySchedule.${index}.end`,
        });
      }
    });
  } else if (details?.sharedCaregiver) {
    throw new DomainError('NEED_DETAILS_NOT_FOR_CATEGORY', { field: 'details.sharedCaregiver' });
  }
}

/** The category details as stored in needs.details (dates as ISO strings). */
export function storedDetails(input: NeedContentInput): StoredDetails {
  const ride = input.details?.ride;
  const care = input.details?.sharedCaregiver;
  if (input.category === NeedCategory.RIDES_AND_ACCOMPANIMENT && ride) {
    return {
      ride: {
        pickupPlace: ride.pickupPlace.trim(),
        pickupLocation: { lat: ride.pickupLocation.lat, lon: ride.pickupLocation.lon },
        destinationPlace: ride.destinationPlace.trim(),
        destinationLocation: { lat: ride.destinationLocation.lat, lon: ride.destinationLocation.lon },
        appointmentAt: ride.appointmentAt.toISOString(),
        returnTripWanted: ride.returnTripWanted,
        returnAt: ride.returnTripWanted && ride.returnAt ? ride.returnAt.toISOString() : null,
        wheelchair: ride.wheelchair,
        escortWaits: ride.escortWaits,
        passengers: ride.passengers,
      },
    };
  }
  if (input.category === NeedCategory.SHARED_CAREGIVER && care) {
    return {
      sharedCaregiver: {
        weeklyHours: care.weeklyHours,
        weeklySchedule: care.weeklySchedule.map(({ dayOfWeek, start, end }) => ({ dayOfWeek, start, end })),
        willingToShare: care.willingToShare,
        maxPricePerHourCents: care.maxPricePerHourCents ?? null,
      },
    };
  }
  return {};
}
