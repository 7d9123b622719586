import { addDays, dayOfWeekOf, fromLocal, todayInRome } from '@prossimo/community/rules';
import { SignedInUser } from '../support/fixtures';
import { TestStack } from '../support/stack';
import { postNeedAs } from '../support/engagements';

// Bra (Cuneo) and the hospital in Verduno, 7 km away: the demo's ride.
export const BRA = { lat: 44.6977, lon: 7.8513, istat: '004029' };
export const VERDUNO_HOSPITAL = { lat: 44.6766, lon: 7.9301 };

/**
 * Wednesday of next week on Rome's calendar: 3 to 9 days ahead whatever today is, so the ride,
 * the volunteer's weekly window and the proposal's answer time never depend on the weekday.
 */
export function wednesdayNextWeek(now = new Date()): string {
  const today = todayInRome(now);
  return addDays(today, 7 - dayOfWeekOf(today) + 3);
}

const MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

/** "2026-12-16" as a person types it: "16 dicembre 2026". */
export function typedDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** `hour`:`minute` on Rome's clock that day, as an ISO instant. */
export function romeIso(date: string, hour: number, minute = 0): string {
  return fromLocal(date, hour * 60 + minute).toISOString();
}

/** The ride of the journey: appointment at 10:00, return at 11:30; the volunteer is busy 09:30-12:00. */
export function rideInput(date: string) {
  return {
    category: 'RIDES_AND_ACCOMPANIMENT',
    description: 'Accompagnamento a una visita all’ospedale di Verduno, con attesa e ritorno.',
    location: { lat: BRA.lat, lon: BRA.lon },
    address: 'Via Vittorio Emanuele 1, Bra',
    windowStart: romeIso(date, 9),
    windowEnd: romeIso(date, 13),
    urgency: 'NORMAL',
    details: {
      ride: {
        pickupPlace: 'Via Vittorio Emanuele 1, Bra',
        pickupLocation: { lat: BRA.lat, lon: BRA.lon },
        destinationPlace: 'Ospedale Michele e Pietro Ferrero, Verduno',
        destinationLocation: VERDUNO_HOSPITAL,
        appointmentAt: romeIso(date, 10),
        returnTripWanted: true,
        returnAt: romeIso(date, 11, 30),
        escortWaits: true,
        passengers: 1,
      },
    },
  };
}

/** The citizen posts the ride through the api (the citizen's pages have their own journey). */
export async function postRide(stack: TestStack, citizen: SignedInUser, date: string): Promise<string> {
  return postNeedAs(stack, citizen, rideInput(date));
}
