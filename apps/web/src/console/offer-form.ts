import type { FormError } from '../forms';
import type {
  CreateServiceOfferInput,
  PriceModel,
  PriceUnit,
  ServiceCategory,
  TargetGroup,
  UpdateServiceOfferInput,
} from '../gql/graphql';
import { parseEuros } from './money';

// The service offer form's state, its own checks, and the api's input and field names: pure, so
// that creating and editing an offer are tested without a browser (offer-form.test.ts).

export const BAND_PEOPLE = [1, 2, 3];

export interface Slot {
  dayOfWeek: number;
  start: string;
  end: string;
}

export interface OfferForm {
  title: string;
  category: ServiceCategory;
  targetGroups: TargetGroup[];
  description: string;
  comuni: string[];
  /** An area drawn as a circle (through the api): kept as it is unless Comuni are chosen instead. */
  circle: { lat: number; lon: number; radiusKm: number } | null;
  slots: Slot[];
  capacity: string;
  model: PriceModel;
  amount: string;
  unit: PriceUnit;
  /** Euros each for 1, 2, 3 people (BAND_PEOPLE). */
  bands: string[];
  /** Bands for more people than the form shows, kept as they are. */
  moreBands: { people: number; centsPerHourEach: number }[];
  vouchers: boolean;
  languages: string[];
  seats: string;
  wheelchair: boolean;
  accessibilityNotes: string;
}

export const EMPTY_OFFER: OfferForm = {
  title: '',
  category: 'RIDES_AND_ACCOMPANIMENT',
  targetGroups: ['ELDERLY'],
  description: '',
  comuni: [],
  circle: null,
  slots: [{ dayOfWeek: 1, start: '09:00', end: '12:00' }],
  capacity: '',
  model: 'FREE',
  amount: '',
  unit: 'HOUR',
  bands: ['', '', ''],
  moreBands: [],
  vouchers: false,
  languages: ['it'],
  seats: '',
  wheelchair: false,
  accessibilityNotes: '',
};

/** An offer as the api answers it (the fields the form edits). */
export interface OfferData {
  title: string;
  category: ServiceCategory;
  targetGroups: TargetGroup[];
  description: string;
  area: {
    comuneIstatCodes?: string[] | null;
    centre?: { lat: number; lon: number } | null;
    radiusKm?: number | null;
  };
  schedule: Slot[];
  capacity?: number | null;
  languages: string[];
  accessibilityNotes?: string | null;
  price: {
    model: PriceModel;
    unit?: PriceUnit | null;
    amountCents?: number | null;
    bands?: { people: number; centsPerHourEach: number }[] | null;
    vouchersAccepted: boolean;
  };
  vehicle: { seats?: number | null; wheelchairAccessible: boolean };
}

/** Cents as the form shows euros: "7,50" (Italian decimal comma, the way it is typed back). */
export function euros(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

/** The form filled with an existing offer, for editing. */
export function formOf(offer: OfferData): OfferForm {
  const bands = offer.price.bands ?? [];
  return {
    title: offer.title,
    category: offer.category,
    targetGroups: offer.targetGroups,
    description: offer.description,
    comuni: offer.area.comuneIstatCodes ?? [],
    circle:
      offer.area.centre && offer.area.radiusKm
        ? { lat: offer.area.centre.lat, lon: offer.area.centre.lon, radiusKm: offer.area.radiusKm }
        : null,
    slots: offer.schedule.map(({ dayOfWeek, start, end }) => ({ dayOfWeek, start, end })),
    capacity: offer.capacity ? String(offer.capacity) : '',
    model: offer.price.model,
    amount: offer.price.amountCents ? euros(offer.price.amountCents) : '',
    unit: offer.price.unit ?? 'HOUR',
    bands: BAND_PEOPLE.map((people) => {
      const band = bands.find((item) => item.people === people);
      return band ? euros(band.centsPerHourEach) : '';
    }),
    moreBands: bands
      .filter((band) => !BAND_PEOPLE.includes(band.people))
      .map(({ people, centsPerHourEach }) => ({ people, centsPerHourEach })),
    vouchers: offer.price.vouchersAccepted,
    languages: offer.languages,
    seats: offer.vehicle.seats ? String(offer.vehicle.seats) : '',
    wheelchair: offer.vehicle.wheelchairAccessible,
    accessibilityNotes: offer.accessibilityNotes ?? '',
  };
}

const TIME = /^\d{2}:\d{2}$/;

/** What the form checks before asking the api (the api checks it all again, naming the field). */
export function checkOffer(form: OfferForm, t: (key: string) => string): FormError[] {
  const errors: FormError[] = [];
  const need = (ok: boolean, fieldId: string, key: string) => {
    if (!ok) errors.push({ fieldId, message: t(`console.offers.${key}`) });
  };
  need(form.title.trim().length > 0, 'offer-title', 'missingTitle');
  need(form.description.trim().length > 0, 'offer-description', 'missingDescription');
  need(form.comuni.length > 0 || form.circle !== null, 'offer-comuni', 'missingComuni');
  form.slots.forEach((slot, index) =>
    need(TIME.test(slot.start) && TIME.test(slot.end), `offer-slot-${index}-start`, 'missingTime'),
  );
  if (form.model === 'FIXED') need(parseEuros(form.amount) !== null, 'offer-amount', 'missingAmount');
  if (form.model === 'SHARED') need(parseEuros(form.bands[0]) !== null, 'offer-band-1', 'missingBand');
  return errors;
}

type OfferContent = Omit<CreateServiceOfferInput, 'organisationId'>;

function content(form: OfferForm): OfferContent {
  const bands = [
    ...BAND_PEOPLE.flatMap((people, index) => {
      const cents = parseEuros(form.bands[index]);
      return cents === null ? [] : [{ people, centsPerHourEach: cents }];
    }),
    ...form.moreBands,
  ];
  const ride = form.category === 'RIDES_AND_ACCOMPANIMENT';
  return {
    title: form.title.trim(),
    category: form.category,
    targetGroups: form.targetGroups,
    description: form.description.trim(),
    // Comuni chosen replace a circle; with none chosen the circle stays.
    area:
      form.comuni.length || !form.circle
        ? { comuneIstatCodes: form.comuni }
        : { centre: { lat: form.circle.lat, lon: form.circle.lon }, radiusKm: form.circle.radiusKm },
    schedule: form.slots,
    capacity: form.capacity ? Number.parseInt(form.capacity, 10) : null,
    languages: form.languages,
    accessibilityNotes: form.accessibilityNotes.trim() || null,
    price:
      form.model === 'FIXED'
        ? {
            model: 'FIXED',
            amountCents: parseEuros(form.amount),
            unit: form.unit,
            vouchersAccepted: form.vouchers,
          }
        : form.model === 'SHARED'
          ? { model: 'SHARED', bands, vouchersAccepted: form.vouchers }
          : { model: 'FREE', vouchersAccepted: form.vouchers },
    vehicle: ride
      ? { seats: form.seats ? Number.parseInt(form.seats, 10) : null, wheelchairAccessible: form.wheelchair }
      : null,
  };
}

export function createInput(form: OfferForm, organisationId: string): CreateServiceOfferInput {
  return { organisationId, ...content(form) };
}

export function updateInput(form: OfferForm, id: string): UpdateServiceOfferInput {
  return { id, ...content(form) };
}

/**
 * The api's field names (extensions.field) -> this form's inputs: the fixed ones, and one per time
 * slot ("schedule[2].end" -> offer-slot-2-end) and price band ("price.bands[1]…" -> offer-band-2).
 */
export function offerFieldIds(form: OfferForm): Record<string, string> {
  const ids: Record<string, string> = {
    title: 'offer-title',
    description: 'offer-description',
    area: 'offer-comuni',
    'area.comuneIstatCodes': 'offer-comuni',
    'area.centre': 'offer-comuni',
    'area.radiusKm': 'offer-comuni',
    schedule: 'offer-slot-0-day',
    capacity: 'offer-capacity',
    'price.amountCents': 'offer-amount',
    'price.unit': 'offer-unit',
    'price.bands': 'offer-band-1',
    'vehicle.seats': 'offer-seats',
    accessibilityNotes: 'offer-accessibility',
  };
  form.slots.forEach((_slot, index) => {
    ids[`schedule[${index}]`] = `offer-slot-${index}-start`;
    ids[`schedule[${index}].dayOfWeek`] = `offer-slot-${index}-day`;
    ids[`schedule[${index}].start`] = `offer-slot-${index}-start`;
    ids[`schedule[${index}].end`] = `offer-slot-${index}-end`;
  });
  BAND_PEOPLE.forEach((people, index) => {
    ids[`price.bands[${index}]`] = `offer-band-${people}`;
    ids[`price.bands[${index}].centsPerHourEach`] = `offer-band-${people}`;
  });
  return ids;
}
