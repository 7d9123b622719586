import { describe, expect, it } from 'vitest';
import {
  checkOffer,
  createInput,
  EMPTY_OFFER,
  euros,
  formOf,
  type OfferData,
  offerFieldIds,
  updateInput,
} from './offer-form';

const SHARED_RIDE: OfferData = {
  title: 'Passaggi condivisi alle visite',
  category: 'RIDES_AND_ACCOMPANIMENT',
  targetGroups: ['ELDERLY', 'PEOPLE_WITH_DISABILITIES'],
  description: 'Auto attrezzata.',
  area: { comuneIstatCodes: ['004003', '004029'], centre: null, radiusKm: null },
  schedule: [
    { dayOfWeek: 2, start: '08:30', end: '12:00' },
    { dayOfWeek: 4, start: '14:00', end: '18:00' },
  ],
  capacity: 4,
  languages: ['it', 'en'],
  accessibilityNotes: 'Pedana per la carrozzina',
  price: {
    model: 'SHARED',
    unit: null,
    amountCents: null,
    bands: [
      { people: 1, centsPerHourEach: 1200 },
      { people: 2, centsPerHourEach: 800 },
      { people: 3, centsPerHourEach: 650 },
      { people: 5, centsPerHourEach: 500 },
    ],
    vouchersAccepted: true,
  },
  vehicle: { seats: 4, wheelchairAccessible: true },
};

const t = (key: string) => key;

describe('the service offer form', () => {
  it('shows cents as euros with a comma, as they are typed back', () => {
    expect(euros(1200)).toBe('12,00');
    expect(euros(650)).toBe('6,50');
    expect(euros(5)).toBe('0,05');
  });

  it('opens an offer and saves it back unchanged', () => {
    const form = formOf(SHARED_RIDE);
    expect(form).toMatchObject({
      bands: ['12,00', '8,00', '6,50'],
      moreBands: [{ people: 5, centsPerHourEach: 500 }],
      capacity: '4',
      seats: '4',
      circle: null,
    });
    expect(checkOffer(form, t)).toEqual([]);
    const { id, ...input } = updateInput(form, 'offer-1');
    expect(id).toBe('offer-1');
    expect(input).toEqual({
      title: SHARED_RIDE.title,
      category: SHARED_RIDE.category,
      targetGroups: SHARED_RIDE.targetGroups,
      description: SHARED_RIDE.description,
      area: { comuneIstatCodes: ['004003', '004029'] },
      schedule: SHARED_RIDE.schedule,
      capacity: 4,
      languages: ['it', 'en'],
      accessibilityNotes: 'Pedana per la carrozzina',
      price: { model: 'SHARED', bands: SHARED_RIDE.price.bands, vouchersAccepted: true },
      vehicle: { seats: 4, wheelchairAccessible: true },
    });
  });

  it('keeps an area drawn as a circle until Comuni are chosen instead', () => {
    const circle = formOf({
      ...SHARED_RIDE,
      area: { comuneIstatCodes: null, centre: { lat: 44.7, lon: 8.03 }, radiusKm: 15 },
    });
    expect(checkOffer(circle, t)).toEqual([]);
    expect(updateInput(circle, 'x').area).toEqual({ centre: { lat: 44.7, lon: 8.03 }, radiusKm: 15 });
    expect(updateInput({ ...circle, comuni: ['004003'] }, 'x').area).toEqual({
      comuneIstatCodes: ['004003'],
    });
  });

  it('checks what the person must write, at the field', () => {
    const problems = checkOffer(
      { ...EMPTY_OFFER, model: 'FIXED', slots: [{ dayOfWeek: 1, start: '9', end: '12:00' }] },
      t,
    );
    expect(problems.map((problem) => problem.fieldId)).toEqual([
      'offer-title',
      'offer-description',
      'offer-comuni',
      'offer-slot-0-start',
      'offer-amount',
    ]);
  });

  it('creates a free offer with no vehicle unless it is a ride', () => {
    const input = createInput(
      { ...EMPTY_OFFER, title: ' Compagnia ', category: 'COMPANIONSHIP', comuni: ['004003'] },
      'org-1',
    );
    expect(input).toMatchObject({
      organisationId: 'org-1',
      title: 'Compagnia',
      price: { model: 'FREE', vouchersAccepted: false },
      vehicle: null,
    });
  });

  it('points the api’s field names at the inputs, slot by slot', () => {
    const ids = offerFieldIds(formOf(SHARED_RIDE));
    expect(ids['schedule[1].end']).toBe('offer-slot-1-end');
    expect(ids['schedule[0]']).toBe('offer-slot-0-start');
    expect(ids['price.bands[2].centsPerHourEach']).toBe('offer-band-3');
    expect(ids.capacity).toBe('offer-capacity');
  });
});
