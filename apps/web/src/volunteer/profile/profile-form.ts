import type { HelpCategory, UpsertVolunteerProfileInput } from '../../gql/graphql';

/**
 * The volunteer profile form as data: what the person typed (strings, as the inputs hold them),
 * the checks done before sending (the api checks them again and names the field), and the
 * api's input built from it.
 */

export interface ProfileFormValues {
  displayName: string;
  bio: string;
  categories: HelpCategory[];
  languages: string[];
  /** Other languages typed as ISO 639-1 codes, separated by commas or spaces. */
  otherLanguages: string;
  home: { lat: number; lon: number; comuneIstat: string | null; label: string } | null;
  travelRadiusKm: string;
  weeklyHourLimit: string;
  hasVehicle: boolean | null;
  seats: string;
  wheelchairAccessible: boolean;
}

/** Keys of the texts in the "profile.errors" group. */
export type ProfileError =
  | 'displayNameRequired'
  | 'bioRequired'
  | 'bioTooLong'
  | 'categoriesRequired'
  | 'homeRequired'
  | 'radiusRange'
  | 'weeklyHoursRange'
  | 'seatsRange'
  | 'languageInvalid';

/** Field names as the api names them, so that server errors land on the same fields. */
export type ProfileField =
  | 'displayName'
  | 'bio'
  | 'categories'
  | 'languages'
  | 'homeLat'
  | 'travelRadiusKm'
  | 'weeklyHourLimit'
  | 'vehicle.seats';

export const BIO_MAX = 2000;

export function emptyProfileForm(): ProfileFormValues {
  return {
    displayName: '',
    bio: '',
    categories: [],
    languages: ['it'],
    otherLanguages: '',
    home: null,
    travelRadiusKm: '10',
    weeklyHourLimit: '4',
    hasVehicle: null,
    seats: '3',
    wheelchairAccessible: false,
  };
}

function wholeNumberIn(text: string, min: number, max: number): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

function otherLanguageCodes(text: string): string[] | null {
  const codes = text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
  return codes.every((code) => /^[a-z]{2}$/.test(code)) ? codes : null;
}

/** The first problem of each field, in the order of the form (the error summary lists them so). */
export function checkProfileForm(values: ProfileFormValues): Partial<Record<ProfileField, ProfileError>> {
  const errors: Partial<Record<ProfileField, ProfileError>> = {};
  if (!values.displayName.trim()) errors.displayName = 'displayNameRequired';
  if (!values.bio.trim()) errors.bio = 'bioRequired';
  else if (values.bio.trim().length > BIO_MAX) errors.bio = 'bioTooLong';
  if (values.categories.length === 0) errors.categories = 'categoriesRequired';
  if (otherLanguageCodes(values.otherLanguages) === null) errors.languages = 'languageInvalid';
  if (!values.home) errors.homeLat = 'homeRequired';
  if (wholeNumberIn(values.travelRadiusKm, 1, 100) === null) errors.travelRadiusKm = 'radiusRange';
  if (wholeNumberIn(values.weeklyHourLimit, 1, 60) === null) errors.weeklyHourLimit = 'weeklyHoursRange';
  if (values.hasVehicle && wholeNumberIn(values.seats, 1, 8) === null) errors['vehicle.seats'] = 'seatsRange';
  return errors;
}

/**
 * The api's input from checked values. Skills and the organisation are not on this form: the
 * saved ones are sent back, since the api replaces the whole profile.
 */
export function profileInputOf(
  values: ProfileFormValues,
  kept: { skills: string[]; organisationId: string | null },
): UpsertVolunteerProfileInput {
  const home = values.home as NonNullable<ProfileFormValues['home']>;
  const languages = [...new Set([...values.languages, ...(otherLanguageCodes(values.otherLanguages) ?? [])])];
  return {
    displayName: values.displayName.trim(),
    bio: values.bio.trim(),
    categories: values.categories,
    languages,
    skills: kept.skills,
    homeLat: home.lat,
    homeLon: home.lon,
    ...(home.comuneIstat ? { comuneIstat: home.comuneIstat } : {}),
    ...(kept.organisationId ? { organisationId: kept.organisationId } : {}),
    travelRadiusKm: Number(values.travelRadiusKm),
    weeklyHourLimit: Number(values.weeklyHourLimit),
    ...(values.hasVehicle
      ? { vehicle: { seats: Number(values.seats), wheelchairAccessible: values.wheelchairAccessible } }
      : {}),
  };
}
