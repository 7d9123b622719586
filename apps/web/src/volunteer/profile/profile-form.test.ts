import { describe, expect, it } from 'vitest';
import { checkProfileForm, emptyProfileForm, profileInputOf, type ProfileFormValues } from './profile-form';

const filled = (): ProfileFormValues => ({
  ...emptyProfileForm(),
  displayName: ' Giorgio R. ',
  bio: 'Ho l’auto e accompagno volentieri a visite mediche.',
  categories: ['RIDES_AND_ACCOMPANIMENT'],
  home: { lat: 44.6977, lon: 7.8513, comuneIstat: '004029', label: 'Bra' },
  hasVehicle: true,
  seats: '3',
});

describe('profile form checks', () => {
  it('accepts a complete form', () => {
    expect(checkProfileForm(filled())).toEqual({});
  });

  it('names every missing answer by the field the api uses', () => {
    expect(checkProfileForm(emptyProfileForm())).toEqual({
      displayName: 'displayNameRequired',
      bio: 'bioRequired',
      categories: 'categoriesRequired',
      homeLat: 'homeRequired',
    });
  });

  it('checks the numbers against the api limits, and the seats only with a car', () => {
    const values = { ...filled(), travelRadiusKm: '150', weeklyHourLimit: '0', seats: '9' };
    expect(checkProfileForm(values)).toEqual({
      travelRadiusKm: 'radiusRange',
      weeklyHourLimit: 'weeklyHoursRange',
      'vehicle.seats': 'seatsRange',
    });
    expect(checkProfileForm({ ...filled(), hasVehicle: false, seats: '' })).toEqual({});
  });

  it('refuses other languages that are not two-letter codes', () => {
    expect(checkProfileForm({ ...filled(), otherLanguages: 'ro, rumeno' })).toEqual({
      languages: 'languageInvalid',
    });
  });
});

describe('profile input', () => {
  it('trims the text, joins the languages, sends back skills and the organisation kept from before', () => {
    const input = profileInputOf(
      { ...filled(), otherLanguages: 'RO, it' },
      { skills: ['primo soccorso'], organisationId: 'org-1' },
    );
    expect(input).toEqual({
      displayName: 'Giorgio R.',
      bio: 'Ho l’auto e accompagno volentieri a visite mediche.',
      categories: ['RIDES_AND_ACCOMPANIMENT'],
      languages: ['it', 'ro'],
      skills: ['primo soccorso'],
      homeLat: 44.6977,
      homeLon: 7.8513,
      comuneIstat: '004029',
      organisationId: 'org-1',
      travelRadiusKm: 10,
      weeklyHourLimit: 4,
      vehicle: { seats: 3, wheelchairAccessible: false },
    });
  });

  it('leaves the vehicle out when the volunteer has none', () => {
    expect(
      profileInputOf({ ...filled(), hasVehicle: false }, { skills: [], organisationId: null }).vehicle,
    ).toBeUndefined();
  });
});
