import { describe, expect, it } from 'vitest';
import {
  categoryFromParam,
  ChosenComune,
  Clock,
  firstIncompleteStep,
  locateServerField,
  NeedDraft,
  stepsFor,
  toPostNeedInput,
  validateStep,
} from './need-draft';

// Saturday 5 December 2026, 11:00 in Rome: every date below is fixed against it.
const CLOCK: Clock = { now: new Date('2026-12-05T10:00:00Z'), today: { year: 2026, month: 12, day: 5 } };
const BRA: ChosenComune = { istat: '004029', name: 'Bra', provinceCode: 'CN', lat: 44.6977, lon: 7.8513 };
const VERDUNO: ChosenComune = {
  istat: '004245',
  name: 'Verduno',
  provinceCode: 'CN',
  lat: 44.6766,
  lon: 7.9301,
};

const RIDE: NeedDraft = {
  category: 'RIDES_AND_ACCOMPANIMENT',
  forWhom: 'SELF',
  comune: BRA,
  address: 'Via Vittorio Emanuele 1',
  destinationComune: VERDUNO,
  destinationPlace: 'Ospedale Michele e Pietro Ferrero',
  appointmentDate: '12 dicembre 2026',
  appointmentTime: '9.30',
  returnTrip: 'YES',
  returnTime: '11',
  wheelchair: true,
  escortWaits: true,
  passengers: '2',
  description: 'Visita in ospedale',
  healthNotes: 'NO',
};

describe('the question pages', () => {
  it('asks a ride its own questions, and a shared carer its weekly times', () => {
    expect(stepsFor('RIDES_AND_ACCOMPANIMENT')).toEqual([
      'categoria',
      'per-chi',
      'luogo',
      'destinazione',
      'appuntamento',
      'ritorno',
      'viaggio',
      'descrizione',
      'salute',
      'riepilogo',
    ]);
    expect(stepsFor('SHARED_CAREGIVER')).toContain('orari');
    expect(stepsFor('HOME_HELP')).toEqual([
      'categoria',
      'per-chi',
      'luogo',
      'quando',
      'descrizione',
      'salute',
      'riepilogo',
    ]);
  });

  it('reads the category from the catalogue link, as enum or Italian word', () => {
    expect(categoryFromParam('SHARED_CAREGIVER')).toBe('SHARED_CAREGIVER');
    expect(categoryFromParam('shopping_and_delivery')).toBe('SHOPPING_AND_DELIVERY');
    expect(categoryFromParam('trasporto')).toBe('RIDES_AND_ACCOMPANIMENT');
    expect(categoryFromParam('nonsense')).toBeUndefined();
  });
});

describe('checks of each page', () => {
  it('finds a complete ride complete', () => {
    expect(firstIncompleteStep(RIDE, CLOCK)).toBeUndefined();
  });

  it('asks for the relative’s consent and name', () => {
    const errors = validateStep('per-chi', { ...RIDE, forWhom: 'RELATIVE' }, CLOCK);
    expect(errors).toEqual({
      relativeName: 'errors.relativeNameRequired',
      relativeRelationship: 'errors.relativeRelationshipRequired',
      relativeConsent: 'errors.relativeConsentRequired',
    });
  });

  it('refuses a day that is not a date, a past day and a time already gone', () => {
    expect(validateStep('appuntamento', { ...RIDE, appointmentDate: '31/02/2027' }, CLOCK)).toEqual({
      appointmentDate: 'errors.dateInvalid',
    });
    expect(validateStep('appuntamento', { ...RIDE, appointmentDate: '4 dicembre 2026' }, CLOCK)).toEqual({
      appointmentDate: 'errors.datePast',
    });
    expect(
      validateStep('appuntamento', { ...RIDE, appointmentDate: 'oggi', appointmentTime: '10:59' }, CLOCK),
    ).toEqual({ appointmentTime: 'errors.timePast' });
  });

  it('wants the return after the appointment', () => {
    expect(validateStep('ritorno', { ...RIDE, returnTime: '9:30' }, CLOCK)).toEqual({
      returnTime: 'errors.returnBeforeAppointment',
    });
    expect(validateStep('ritorno', { ...RIDE, returnTrip: 'NO', returnTime: '' }, CLOCK)).toEqual({});
  });

  it('needs the health consent with health notes, and not without', () => {
    expect(
      validateStep('salute', { ...RIDE, healthNotes: 'YES', sensitiveNotes: 'Non può guidare' }, CLOCK),
    ).toEqual({
      healthConsent: 'errors.healthConsentRequired',
    });
    expect(validateStep('salute', { ...RIDE, healthNotes: 'NO', sensitiveNotes: 'x' }, CLOCK)).toEqual({});
  });

  it('checks each weekly time of a shared carer', () => {
    const errors = validateStep(
      'orari',
      {
        category: 'SHARED_CAREGIVER',
        weeklySlots: [
          { dayOfWeek: '1', start: '8', end: '12' },
          { dayOfWeek: '', start: '14', end: '13' },
        ],
      },
      CLOCK,
    );
    expect(errors).toEqual({
      'weeklySlots.1.dayOfWeek': 'errors.dayRequired',
      'weeklySlots.1.end': 'errors.endBeforeStart',
    });
  });
});

describe('the input sent to postNeed', () => {
  it('makes a ride with a return trip, in Rome time, for a relative with health notes', () => {
    const input = toPostNeedInput(
      {
        ...RIDE,
        forWhom: 'RELATIVE',
        relativeName: ' Anna Bianchi ',
        relativeRelationship: 'madre',
        relativePhone: '333 123 4567',
        relativeConsent: true,
        healthNotes: 'YES',
        sensitiveNotes: 'Dopo la visita non può guidare',
        healthConsent: true,
      },
      CLOCK,
      'it',
    );
    expect(input).toEqual({
      category: 'RIDES_AND_ACCOMPANIMENT',
      description: 'Visita in ospedale',
      location: { lat: 44.6977, lon: 7.8513 },
      comuneIstat: '004029',
      address: 'Via Vittorio Emanuele 1',
      // Two hours before the appointment (09:30 CET) to two hours after the return (11:00 CET).
      windowStart: '2026-12-12T06:30:00.000Z',
      windowEnd: '2026-12-12T12:00:00.000Z',
      language: 'it',
      relative: { fullName: 'Anna Bianchi', relationship: 'madre', phone: '333 123 4567' },
      sensitiveNotes: 'Dopo la visita non può guidare',
      healthDataConsent: true,
      details: {
        ride: {
          pickupPlace: 'Via Vittorio Emanuele 1, Bra',
          pickupLocation: { lat: 44.6977, lon: 7.8513 },
          destinationPlace: 'Ospedale Michele e Pietro Ferrero, Verduno',
          destinationLocation: { lat: 44.6766, lon: 7.9301 },
          appointmentAt: '2026-12-12T08:30:00.000Z',
          returnTripWanted: true,
          returnAt: '2026-12-12T10:00:00.000Z',
          wheelchair: true,
          escortWaits: true,
          passengers: 2,
        },
      },
    });
  });

  it('sends no health notes when the person answered no', () => {
    const input = toPostNeedInput({ ...RIDE, sensitiveNotes: 'left over' }, CLOCK, 'it');
    expect(input.sensitiveNotes).toBeUndefined();
    expect(input.healthDataConsent).toBeUndefined();
  });

  it('makes a shared carer need with its weekly hours and price limit', () => {
    const input = toPostNeedInput(
      {
        category: 'SHARED_CAREGIVER',
        forWhom: 'SELF',
        comune: BRA,
        weeklySlots: [
          { dayOfWeek: '1', start: '8', end: '12:30' },
          { dayOfWeek: '3', start: '8:00', end: '12' },
        ],
        willingToShare: 'YES',
        maxPricePerHour: '7,50',
        startDay: '1 gennaio 2027',
        description: 'Assistenza al mattino',
        healthNotes: 'NO',
      },
      CLOCK,
      'it',
    );
    expect(input.details).toEqual({
      sharedCaregiver: {
        weeklyHours: 9,
        weeklySchedule: [
          { dayOfWeek: 1, start: '08:00', end: '12:30' },
          { dayOfWeek: 3, start: '08:00', end: '12:00' },
        ],
        willingToShare: true,
        maxPricePerHourCents: 750,
      },
    });
    expect(input.windowStart).toBe('2026-12-31T23:00:00.000Z');
    // Three months when no end is given: to the end of 1 April 2027 (CEST).
    expect(input.windowEnd).toBe('2027-04-01T22:00:00.000Z');
  });

  it('makes a one-day need from its day and times', () => {
    const input = toPostNeedInput(
      {
        category: 'SHOPPING_AND_DELIVERY',
        forWhom: 'SELF',
        comune: BRA,
        day: 'lunedì 7 dicembre',
        fromTime: '9',
        toTime: '12',
        description: 'La spesa',
        healthNotes: 'NO',
      },
      CLOCK,
      'en',
    );
    expect(input).toMatchObject({
      windowStart: '2026-12-07T08:00:00.000Z',
      windowEnd: '2026-12-07T11:00:00.000Z',
      language: 'en',
    });
    expect(input.details).toBeUndefined();
  });
});

describe('errors the server names', () => {
  it('point at the page and field that hold them', () => {
    expect(locateServerField('relative.phone', 'HOME_HELP')).toEqual({
      step: 'per-chi',
      field: 'relativePhone',
    });
    expect(locateServerField('details.ride.returnAt', 'RIDES_AND_ACCOMPANIMENT')).toEqual({
      step: 'ritorno',
      field: 'returnTime',
    });
    expect(locateServerField('windowEnd', 'RIDES_AND_ACCOMPANIMENT')).toEqual({
      step: 'appuntamento',
      field: 'appointmentTime',
    });
    expect(locateServerField('windowEnd', 'HOME_HELP')).toEqual({ step: 'quando', field: 'toTime' });
    expect(locateServerField('details.sharedCaregiver.weeklySchedule.2.end', 'SHARED_CAREGIVER')).toEqual({
      step: 'orari',
      field: 'weeklySlots.2.end',
    });
    expect(locateServerField('somethingElse', 'HOME_HELP')).toBeUndefined();
  });
});
