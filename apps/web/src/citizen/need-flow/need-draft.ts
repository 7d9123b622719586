// The "new need" question flow: what is asked, in which order, for each category, what each
// answer must be, and the PostNeedInput it makes. Pure (no React), so that it is unit tested.
import {
  addDays,
  compareDates,
  LocalDate,
  LocalTime,
  parseDate,
  parseEuros,
  parseTime,
  toInstant,
} from '../datetime';
import type { NeedCategory, PostNeedInput } from '../../gql/graphql';
import { HELP_CATEGORIES } from '../../categories';

/** The kinds the citizen's form does not offer: those needs reach an organisation's offer instead. */
const NOT_ASKED_HERE: readonly NeedCategory[] = ['CHILDCARE', 'HOUSING', 'JOB_INCLUSION'];

/** The order the categories are offered in: the app's one order (the most asked first). */
export const NEED_CATEGORIES: NeedCategory[] = HELP_CATEGORIES.filter(
  (category) => !NOT_ASKED_HERE.includes(category),
);

/** Italian slugs accepted in `?categoria=` besides the enum values (links from the catalogue). */
const CATEGORY_SLUGS: Record<string, NeedCategory> = {
  trasporto: 'RIDES_AND_ACCOMPANIMENT',
  accompagnamento: 'RIDES_AND_ACCOMPANIMENT',
  'aiuto-in-casa': 'HOME_HELP',
  spesa: 'SHOPPING_AND_DELIVERY',
  compagnia: 'COMPANIONSHIP',
  'badante-condivisa': 'SHARED_CAREGIVER',
  'aiuto-digitale': 'DIGITAL_HELP',
  bambini: 'CHILDCARE',
  casa: 'HOUSING',
  lavoro: 'JOB_INCLUSION',
  altro: 'OTHER',
};

export function categoryFromParam(value: string | null | undefined): NeedCategory | undefined {
  if (!value) return undefined;
  const upper = value.toUpperCase();
  if ((HELP_CATEGORIES as readonly string[]).includes(upper)) return upper as NeedCategory;
  return CATEGORY_SLUGS[value.toLowerCase()];
}

/** A Comune chosen from the list, with the centre that stands for the place (no street geocoding). */
export interface ChosenComune {
  istat: string;
  name: string;
  provinceCode: string;
  lat: number;
  lon: number;
}

export interface WeeklySlotAnswer {
  /** "1" Monday … "7" Sunday, as the select gives it. */
  dayOfWeek: string;
  start: string;
  end: string;
}

/** Every answer as typed, so that nothing the person wrote is lost on an error or a reload. */
export interface NeedDraft {
  category?: NeedCategory;
  /** The catalogue offer the person came from, if any. */
  offerId?: string;
  forWhom?: 'SELF' | 'RELATIVE';
  relativeName?: string;
  relativeRelationship?: string;
  relativePhone?: string;
  relativeConsent?: boolean;
  /** Where the help is (for a ride: the pickup). */
  comune?: ChosenComune;
  address?: string;
  // Rides
  destinationComune?: ChosenComune;
  destinationPlace?: string;
  appointmentDate?: string;
  appointmentTime?: string;
  returnTrip?: 'YES' | 'NO';
  returnTime?: string;
  wheelchair?: boolean;
  escortWaits?: boolean;
  passengers?: string;
  // Other categories: one day, between two times, possibly until a later day
  day?: string;
  fromTime?: string;
  toTime?: string;
  // Shared caregiver
  weeklySlots?: WeeklySlotAnswer[];
  willingToShare?: 'YES' | 'NO';
  maxPricePerHour?: string;
  startDay?: string;
  endDay?: string;
  description?: string;
  healthNotes?: 'YES' | 'NO';
  sensitiveNotes?: string;
  healthConsent?: boolean;
}

export type StepId =
  | 'categoria'
  | 'per-chi'
  | 'luogo'
  | 'destinazione'
  | 'appuntamento'
  | 'ritorno'
  | 'viaggio'
  | 'quando'
  | 'orari'
  | 'condivisione'
  | 'periodo'
  | 'descrizione'
  | 'salute'
  | 'riepilogo';

/** The question pages of a category, in order; the check-your-answers page last. */
export function stepsFor(category: NeedCategory | undefined): StepId[] {
  const middle: StepId[] =
    category === 'RIDES_AND_ACCOMPANIMENT'
      ? ['luogo', 'destinazione', 'appuntamento', 'ritorno', 'viaggio']
      : category === 'SHARED_CAREGIVER'
        ? ['luogo', 'orari', 'condivisione', 'periodo']
        : ['luogo', 'quando'];
  return ['categoria', 'per-chi', ...middle, 'descrizione', 'salute', 'riepilogo'];
}

export function nextStep(category: NeedCategory | undefined, step: StepId): StepId {
  const steps = stepsFor(category);
  return steps[Math.min(steps.indexOf(step) + 1, steps.length - 1)];
}

export function previousStep(category: NeedCategory | undefined, step: StepId): StepId | undefined {
  const steps = stepsFor(category);
  const index = steps.indexOf(step);
  return index > 0 ? steps[index - 1] : undefined;
}

/** Field name → message key (in the citizen namespace), in the order of the page. */
export type FieldErrors = Record<string, string>;

export interface Clock {
  now: Date;
  today: LocalDate;
}

function required(value: string | undefined): boolean {
  return Boolean(value && value.trim());
}

function checkDate(
  errors: FieldErrors,
  field: string,
  text: string | undefined,
  clock: Clock,
): LocalDate | null {
  if (!required(text)) {
    errors[field] = 'errors.dateRequired';
    return null;
  }
  const date = parseDate(text as string, clock.today);
  if (!date) errors[field] = 'errors.dateInvalid';
  else if (compareDates(date, clock.today) < 0) {
    errors[field] = 'errors.datePast';
    return null;
  }
  return date;
}

function checkTime(
  errors: FieldErrors,
  field: string,
  text: string | undefined,
  options: { allowMidnightEnd?: boolean } = {},
): LocalTime | null {
  if (!required(text)) {
    errors[field] = 'errors.timeRequired';
    return null;
  }
  const time = parseTime(text as string, options);
  if (!time) errors[field] = 'errors.timeInvalid';
  return time;
}

function minutes(time: LocalTime): number {
  return time.hour * 60 + time.minute;
}

/** The check of one page: an empty object when the person may go on. */
export function validateStep(step: StepId, draft: NeedDraft, clock: Clock): FieldErrors {
  const errors: FieldErrors = {};
  switch (step) {
    case 'categoria':
      if (!draft.category) errors.category = 'errors.categoryRequired';
      break;
    case 'per-chi':
      if (!draft.forWhom) errors.forWhom = 'errors.forWhomRequired';
      if (draft.forWhom === 'RELATIVE') {
        if (!required(draft.relativeName)) errors.relativeName = 'errors.relativeNameRequired';
        if (!required(draft.relativeRelationship))
          errors.relativeRelationship = 'errors.relativeRelationshipRequired';
        if (draft.relativePhone && /[^\d\s+().-]/.test(draft.relativePhone))
          errors.relativePhone = 'errors.phoneInvalid';
        if (!draft.relativeConsent) errors.relativeConsent = 'errors.relativeConsentRequired';
      }
      break;
    case 'luogo':
      if (!draft.comune) errors.comune = 'errors.comuneRequired';
      if (draft.category === 'RIDES_AND_ACCOMPANIMENT' && !required(draft.address))
        errors.address = 'errors.pickupRequired';
      break;
    case 'destinazione':
      if (!draft.destinationComune) errors.destinationComune = 'errors.comuneRequired';
      if (!required(draft.destinationPlace)) errors.destinationPlace = 'errors.destinationRequired';
      break;
    case 'appuntamento': {
      const date = checkDate(errors, 'appointmentDate', draft.appointmentDate, clock);
      const time = checkTime(errors, 'appointmentTime', draft.appointmentTime);
      if (date && time && toInstant(date, time).getTime() <= clock.now.getTime())
        errors.appointmentTime = 'errors.timePast';
      break;
    }
    case 'ritorno':
      if (!draft.returnTrip) errors.returnTrip = 'errors.returnTripRequired';
      if (draft.returnTrip === 'YES') {
        const back = checkTime(errors, 'returnTime', draft.returnTime);
        const appointment = parseTime(draft.appointmentTime ?? '');
        if (back && appointment && minutes(back) <= minutes(appointment))
          errors.returnTime = 'errors.returnBeforeAppointment';
      }
      break;
    case 'viaggio': {
      const passengers = Number(draft.passengers ?? '1');
      if (!Number.isInteger(passengers) || passengers < 1 || passengers > 8)
        errors.passengers = 'errors.passengersInvalid';
      break;
    }
    case 'quando': {
      checkDate(errors, 'day', draft.day, clock);
      const from = checkTime(errors, 'fromTime', draft.fromTime);
      const to = checkTime(errors, 'toTime', draft.toTime, { allowMidnightEnd: true });
      if (from && to && minutes(to) <= minutes(from)) errors.toTime = 'errors.endBeforeStart';
      else if (!errors.day && !errors.toTime) {
        const window = windowOf(draft, clock);
        if (window && window.end.getTime() <= clock.now.getTime()) errors.toTime = 'errors.timePast';
      }
      break;
    }
    case 'orari': {
      // The page shows one empty time to fill when there is none yet.
      const slots = draft.weeklySlots?.length ? draft.weeklySlots : [{ dayOfWeek: '', start: '', end: '' }];
      slots.forEach((slot, index) => {
        if (!slot.dayOfWeek) errors[`weeklySlots.${index}.dayOfWeek`] = 'errors.dayRequired';
        const start = checkTime(errors, `weeklySlots.${index}.start`, slot.start);
        const end = checkTime(errors, `weeklySlots.${index}.end`, slot.end, { allowMidnightEnd: true });
        if (start && end && minutes(end) <= minutes(start))
          errors[`weeklySlots.${index}.end`] = 'errors.endBeforeStart';
      });
      break;
    }
    case 'condivisione':
      if (!draft.willingToShare) errors.willingToShare = 'errors.willingToShareRequired';
      if (required(draft.maxPricePerHour) && parseEuros(draft.maxPricePerHour as string) === null)
        errors.maxPricePerHour = 'errors.priceInvalid';
      break;
    case 'periodo': {
      const start = checkDate(errors, 'startDay', draft.startDay, clock);
      if (required(draft.endDay)) {
        const end = checkDate(errors, 'endDay', draft.endDay, clock);
        if (start && end && compareDates(end, start) < 0) errors.endDay = 'errors.endDayBeforeStart';
      }
      break;
    }
    case 'descrizione':
      if (!required(draft.description)) errors.description = 'errors.descriptionRequired';
      else if ((draft.description as string).length > 2000) errors.description = 'errors.descriptionTooLong';
      break;
    case 'salute':
      if (!draft.healthNotes) errors.healthNotes = 'errors.healthNotesRequired';
      if (draft.healthNotes === 'YES') {
        if (!required(draft.sensitiveNotes)) errors.sensitiveNotes = 'errors.sensitiveNotesRequired';
        else if ((draft.sensitiveNotes as string).length > 2000)
          errors.sensitiveNotes = 'errors.descriptionTooLong';
        if (!draft.healthConsent) errors.healthConsent = 'errors.healthConsentRequired';
      }
      break;
    case 'riepilogo':
      break;
  }
  return errors;
}

/** The first page with a missing or wrong answer (the check page sends the person there). */
export function firstIncompleteStep(draft: NeedDraft, clock: Clock): StepId | undefined {
  return stepsFor(draft.category).find(
    (step) => step !== 'riepilogo' && Object.keys(validateStep(step, draft, clock)).length > 0,
  );
}

/** Rides: from two hours before the appointment (the drive) to two hours after the return. */
const RIDE_MARGIN_MS = 2 * 3600000;

/** The time window the need is open for. */
export function windowOf(draft: NeedDraft, clock: Clock): { start: Date; end: Date } | undefined {
  if (draft.category === 'RIDES_AND_ACCOMPANIMENT') {
    const ride = rideTimes(draft, clock);
    if (!ride) return undefined;
    const last = ride.returnAt ?? ride.appointmentAt;
    return {
      start: new Date(ride.appointmentAt.getTime() - RIDE_MARGIN_MS),
      end: new Date(last.getTime() + RIDE_MARGIN_MS),
    };
  }
  if (draft.category === 'SHARED_CAREGIVER') {
    const start = parseDate(draft.startDay ?? '', clock.today);
    if (!start) return undefined;
    // Without an end, three months: the household confirms again after that.
    const end = draft.endDay?.trim() ? parseDate(draft.endDay, clock.today) : addDays(start, 90);
    if (!end) return undefined;
    return {
      start: toInstant(start, { hour: 0, minute: 0 }),
      end: toInstant(addDays(end, 1), { hour: 0, minute: 0 }),
    };
  }
  const day = parseDate(draft.day ?? '', clock.today);
  const from = parseTime(draft.fromTime ?? '');
  const to = parseTime(draft.toTime ?? '', { allowMidnightEnd: true });
  if (!day || !from || !to) return undefined;
  const end = to.hour === 24 ? toInstant(addDays(day, 1), { hour: 0, minute: 0 }) : toInstant(day, to);
  return { start: toInstant(day, from), end };
}

function rideTimes(
  draft: NeedDraft,
  clock: Clock,
): { appointmentAt: Date; returnAt: Date | null } | undefined {
  const day = parseDate(draft.appointmentDate ?? '', clock.today);
  const time = parseTime(draft.appointmentTime ?? '');
  if (!day || !time) return undefined;
  const back = draft.returnTrip === 'YES' ? parseTime(draft.returnTime ?? '') : null;
  return { appointmentAt: toInstant(day, time), returnAt: back ? toInstant(day, back) : null };
}

function hhmm(text: string, allowMidnightEnd = false): string {
  const time = parseTime(text, { allowMidnightEnd }) as LocalTime;
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** The mutation's input from a complete draft (call firstIncompleteStep first). */
export function toPostNeedInput(draft: NeedDraft, clock: Clock, language: string): PostNeedInput {
  const comune = draft.comune as ChosenComune;
  const window = windowOf(draft, clock) as { start: Date; end: Date };
  const input: PostNeedInput = {
    category: draft.category as NeedCategory,
    description: (draft.description ?? '').trim(),
    location: { lat: comune.lat, lon: comune.lon },
    comuneIstat: comune.istat,
    windowStart: window.start.toISOString(),
    windowEnd: window.end.toISOString(),
    language,
  };
  if (draft.address?.trim()) input.address = draft.address.trim();
  if (draft.forWhom === 'RELATIVE') {
    input.relative = {
      fullName: (draft.relativeName ?? '').trim(),
      relationship: (draft.relativeRelationship ?? '').trim(),
      ...(draft.relativePhone?.trim() ? { phone: draft.relativePhone.trim() } : {}),
    };
  }
  if (draft.healthNotes === 'YES' && draft.sensitiveNotes?.trim()) {
    input.sensitiveNotes = draft.sensitiveNotes.trim();
    input.healthDataConsent = draft.healthConsent === true;
  }
  if (draft.category === 'RIDES_AND_ACCOMPANIMENT') {
    const ride = rideTimes(draft, clock) as { appointmentAt: Date; returnAt: Date | null };
    const destination = draft.destinationComune as ChosenComune;
    input.details = {
      ride: {
        pickupPlace: `${(draft.address ?? '').trim()}, ${comune.name}`,
        pickupLocation: { lat: comune.lat, lon: comune.lon },
        destinationPlace: `${(draft.destinationPlace ?? '').trim()}, ${destination.name}`,
        destinationLocation: { lat: destination.lat, lon: destination.lon },
        appointmentAt: ride.appointmentAt.toISOString(),
        returnTripWanted: draft.returnTrip === 'YES',
        ...(ride.returnAt ? { returnAt: ride.returnAt.toISOString() } : {}),
        wheelchair: draft.wheelchair === true,
        escortWaits: draft.escortWaits === true,
        passengers: Number(draft.passengers || '1'),
      },
    };
  }
  if (draft.category === 'SHARED_CAREGIVER') {
    const slots = (draft.weeklySlots ?? []).map((slot) => ({
      dayOfWeek: Number(slot.dayOfWeek),
      start: hhmm(slot.start),
      end: hhmm(slot.end, true),
    }));
    const weeklyMinutes = slots.reduce((total, slot) => {
      const [sh, sm] = slot.start.split(':').map(Number);
      const [eh, em] = slot.end.split(':').map(Number);
      return total + eh * 60 + em - (sh * 60 + sm);
    }, 0);
    const maxPrice = draft.maxPricePerHour?.trim() ? parseEuros(draft.maxPricePerHour) : null;
    input.details = {
      sharedCaregiver: {
        weeklyHours: Math.max(1, Math.round(weeklyMinutes / 60)),
        weeklySchedule: slots,
        willingToShare: draft.willingToShare === 'YES',
        ...(maxPrice !== null ? { maxPricePerHourCents: maxPrice } : {}),
      },
    };
  }
  return input;
}

/**
 * Where a field the server names lives in the flow: the page and the field on it. Errors the
 * server finds (a phone it cannot read, a time window already over) are shown there.
 */
export function locateServerField(
  serverField: string | undefined,
  category: NeedCategory | undefined,
): { step: StepId; field: string } | undefined {
  if (!serverField) return undefined;
  const slot = /^details\.sharedCaregiver\.weeklySchedule\.(\d+)\.(start|end|dayOfWeek)$/.exec(serverField);
  if (slot) return { step: 'orari', field: `weeklySlots.${slot[1]}.${slot[2]}` };
  const ride = category === 'RIDES_AND_ACCOMPANIMENT';
  const table: Record<string, { step: StepId; field: string }> = {
    category: { step: 'categoria', field: 'category' },
    'relative.fullName': { step: 'per-chi', field: 'relativeName' },
    'relative.relationship': { step: 'per-chi', field: 'relativeRelationship' },
    'relative.phone': { step: 'per-chi', field: 'relativePhone' },
    relative: { step: 'per-chi', field: 'relativeName' },
    location: { step: 'luogo', field: 'comune' },
    comuneIstat: { step: 'luogo', field: 'comune' },
    address: { step: 'luogo', field: 'address' },
    'details.ride.pickupPlace': { step: 'luogo', field: 'address' },
    'details.ride.destinationPlace': { step: 'destinazione', field: 'destinationPlace' },
    'details.ride.destinationLocation': { step: 'destinazione', field: 'destinationComune' },
    'details.ride.appointmentAt': { step: 'appuntamento', field: 'appointmentTime' },
    'details.ride.returnAt': { step: 'ritorno', field: 'returnTime' },
    'details.ride.passengers': { step: 'viaggio', field: 'passengers' },
    'details.sharedCaregiver.maxPricePerHourCents': { step: 'condivisione', field: 'maxPricePerHour' },
    'details.sharedCaregiver': { step: 'orari', field: 'weeklySlots.0.dayOfWeek' },
    windowStart: ride
      ? { step: 'appuntamento', field: 'appointmentTime' }
      : draftCategoryIsCare(category)
        ? { step: 'periodo', field: 'startDay' }
        : { step: 'quando', field: 'fromTime' },
    windowEnd: ride
      ? { step: 'appuntamento', field: 'appointmentTime' }
      : draftCategoryIsCare(category)
        ? { step: 'periodo', field: 'endDay' }
        : { step: 'quando', field: 'toTime' },
    description: { step: 'descrizione', field: 'description' },
    sensitiveNotes: { step: 'salute', field: 'sensitiveNotes' },
    healthDataConsent: { step: 'salute', field: 'healthConsent' },
  };
  return table[serverField];
}

function draftCategoryIsCare(category: NeedCategory | undefined): boolean {
  return category === 'SHARED_CAREGIVER';
}
