import { useMutation, useQuery } from '@apollo/client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { MY_VOLUNTEER_PROFILE, UPSERT_VOLUNTEER_PROFILE } from '../operations';
import { VOLUNTEER_PATHS } from '../paths';
import { HomePicker } from './HomePicker';
import {
  BIO_MAX,
  checkProfileForm,
  emptyProfileForm,
  profileInputOf,
  type ProfileField,
  type ProfileFormValues,
} from './profile-form';

const CATEGORIES = [
  'RIDES_AND_ACCOMPANIMENT',
  'SHOPPING_AND_DELIVERY',
  'COMPANIONSHIP',
  'HOME_HELP',
  'DIGITAL_HELP',
  'CHILDCARE',
  'HOUSING',
  'JOB_INCLUSION',
  'SHARED_CAREGIVER',
  'OTHER',
] as const;
const LANGUAGES = ['it', 'en', 'fr', 'de', 'es', 'ar', 'ro', 'sq', 'uk', 'zh'] as const;

// The order of the fields on the page: the error summary follows it.
const FIELD_ORDER: ProfileField[] = [
  'displayName',
  'bio',
  'categories',
  'languages',
  'homeLat',
  'travelRadiusKm',
  'weeklyHourLimit',
  'vehicle.seats',
];
const FIELD_TARGET: Record<ProfileField, string> = {
  displayName: 'displayName',
  bio: 'bio',
  categories: 'category-RIDES_AND_ACCOMPANIMENT',
  languages: 'otherLanguages',
  homeLat: 'homeLat',
  travelRadiusKm: 'travelRadiusKm',
  weeklyHourLimit: 'weeklyHourLimit',
  'vehicle.seats': 'seats',
};

/** Become a volunteer, or change the profile: one page with a section per question. */
export function ProfilePage() {
  const { t } = useTranslation('volunteer');
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(MY_VOLUNTEER_PROFILE);
  const [upsert, { loading: saving }] = useMutation(UPSERT_VOLUNTEER_PROFILE);
  const [values, setValues] = useState<ProfileFormValues>(emptyProfileForm());
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const existing = data?.myVolunteerProfile ?? null;

  useEffect(() => {
    if (!existing) return;
    const known = new Set<string>(LANGUAGES);
    setValues({
      displayName: existing.displayName,
      bio: existing.bio,
      categories: [...existing.categories],
      languages: existing.languages.filter((code) => known.has(code)),
      otherLanguages: existing.languages.filter((code) => !known.has(code)).join(', '),
      home: { lat: existing.homeLat, lon: existing.homeLon, comuneIstat: existing.comuneIstat, label: existing.comuneName },
      travelRadiusKm: String(existing.travelRadiusKm),
      weeklyHourLimit: String(existing.weeklyHourLimit),
      hasVehicle: existing.vehicle !== null && existing.vehicle !== undefined,
      seats: String(existing.vehicle?.seats ?? 3),
      wheelchairAccessible: existing.vehicle?.wheelchairAccessible ?? false,
    });
  }, [existing]);

  const set = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const toggle = (key: 'categories' | 'languages', code: string, on: boolean) =>
    setValues((current) => ({
      ...current,
      [key]: on ? [...current[key], code] : current[key].filter((item) => item !== code),
    }));

  const showErrors = (found: Partial<Record<ProfileField, string>>) => {
    setErrors(found);
    // Focus moves to the summary, which links to each field.
    setTimeout(() => summary.current?.focus(), 0);
  };

  const submit = async () => {
    setFailure(null);
    setSaved(false);
    const problems = checkProfileForm(values);
    if (Object.keys(problems).length) {
      showErrors(
        Object.fromEntries(
          Object.entries(problems).map(([field, code]) => [field, t(`profile.errors.${code}`)]),
        ) as Partial<Record<ProfileField, string>>,
      );
      return;
    }
    setErrors({});
    try {
      await upsert({
        variables: {
          input: profileInputOf(values, {
            skills: existing?.skills ?? [],
            organisationId: existing?.organisationId ?? null,
          }),
        },
      });
      if (existing) {
        setSaved(true);
        await refetch();
      } else {
        navigate(VOLUNTEER_PATHS.availability, { state: { flash: t('profile.created') } });
      }
    } catch (caught) {
      const extensions = (caught as { graphQLErrors?: { message: string; extensions?: { field?: string } }[] })
        .graphQLErrors?.[0];
      const field = extensions?.extensions?.field as ProfileField | undefined;
      if (field && FIELD_ORDER.includes(field)) showErrors({ [field]: extensions?.message ?? '' });
      else setFailure((caught as Error).message);
    }
  };

  if (error && !data) {
    return (
      <div className="alert alert-danger" role="alert">
        <p>{t('common.loadFailed')}</p>
        <button type="button" className="btn btn-outline-primary" onClick={() => void refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (loading && !data) return <p role="status">{t('common.loading')}</p>;

  const errorList = FIELD_ORDER.filter((field) => errors[field]);
  const describedBy = (field: string, error?: string) => `${field}-hint${error ? ` ${field}-error` : ''}`;
  const fieldError = (field: string, error?: string) =>
    error ? (
      <div id={`${field}-error`} className="invalid-feedback d-block">
        {error}
      </div>
    ) : null;

  return (
    <>
      <h1>{existing ? t('profile.titleEdit') : t('profile.titleNew')}</h1>
      <p className="lead">{t('profile.lead')}</p>
      {errorList.length > 0 && (
        <div ref={summary} tabIndex={-1} className="alert alert-danger" role="alert" aria-labelledby="profile-errors-title">
          <h2 id="profile-errors-title" className="h5">
            {t('form.errorSummary', { ns: 'common', defaultValue: 'C’è un problema' })}
          </h2>
          <ul className="mb-0">
            {errorList.map((field) => (
              <li key={field}>
                <a href={`#${FIELD_TARGET[field]}`}>{errors[field]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {failure && (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      )}
      {saved && (
        <div className="alert alert-success" role="status">
          {t('profile.saved')} <Link to={VOLUNTEER_PATHS.availability}>{t('nav.availability')}</Link>
        </div>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="form-group mb-4">
          <label htmlFor="displayName" className="active">
            {t('profile.displayName')}
          </label>
          <small id="displayName-hint" className="form-text d-block">
            {t('profile.displayNameHint')}
          </small>
          {fieldError('displayName', errors.displayName)}
          <input
            id="displayName"
            className={errors.displayName ? 'form-control is-invalid' : 'form-control'}
            autoComplete="nickname"
            value={values.displayName}
            aria-invalid={errors.displayName ? true : undefined}
            aria-describedby={describedBy('displayName', errors.displayName)}
            onChange={(event) => set('displayName', event.target.value)}
          />
        </div>

        <div className="form-group mb-4">
          <label htmlFor="bio" className="active">
            {t('profile.bio')}
          </label>
          <small id="bio-hint" className="form-text d-block">
            {t('profile.bioHint')}
          </small>
          {fieldError('bio', errors.bio)}
          <textarea
            id="bio"
            rows={4}
            className={errors.bio ? 'form-control is-invalid' : 'form-control'}
            maxLength={BIO_MAX}
            value={values.bio}
            aria-invalid={errors.bio ? true : undefined}
            aria-describedby={describedBy('bio', errors.bio)}
            onChange={(event) => set('bio', event.target.value)}
          />
        </div>

        <fieldset className="mb-4" aria-describedby={describedBy('categories', errors.categories)}>
          <legend className="h5">{t('profile.categories')}</legend>
          <small id="categories-hint" className="form-text d-block mb-2">
            {t('profile.categoriesHint')}
          </small>
          {fieldError('categories', errors.categories)}
          {CATEGORIES.map((category) => (
            <div className="form-check" key={category}>
              <input
                className="form-check-input"
                type="checkbox"
                id={`category-${category}`}
                checked={values.categories.includes(category)}
                onChange={(event) => toggle('categories', category, event.target.checked)}
              />
              <label className="form-check-label" htmlFor={`category-${category}`}>
                {t(`categories.${category}`)}
              </label>
            </div>
          ))}
        </fieldset>

        <fieldset className="mb-4" aria-describedby={describedBy('languages', errors.languages)}>
          <legend className="h5">{t('profile.languages')}</legend>
          <small id="languages-hint" className="form-text d-block mb-2">
            {t('profile.languagesHint')}
          </small>
          <div className="row">
            {LANGUAGES.map((code) => (
              <div className="col-6 col-md-4" key={code}>
                <div className="form-check">
                  <input
                    className="form-check-input"
                    type="checkbox"
                    id={`language-${code}`}
                    checked={values.languages.includes(code)}
                    onChange={(event) => toggle('languages', code, event.target.checked)}
                  />
                  <label className="form-check-label" htmlFor={`language-${code}`}>
                    {t(`languageNames.${code}`)}
                  </label>
                </div>
              </div>
            ))}
          </div>
          {fieldError('languages', errors.languages)}
          <div className="form-group mt-2 mb-0">
            <label htmlFor="otherLanguages" className="active">
              {t('profile.otherLanguage')}
            </label>
            <input
              id="otherLanguages"
              className={errors.languages ? 'form-control is-invalid' : 'form-control'}
              autoComplete="off"
              value={values.otherLanguages}
              aria-invalid={errors.languages ? true : undefined}
              onChange={(event) => set('otherLanguages', event.target.value)}
            />
          </div>
        </fieldset>

        <HomePicker value={values.home} error={errors.homeLat} onChange={(home) => set('home', home)} />

        <div className="form-group mb-4">
          <label htmlFor="travelRadiusKm" className="active">
            {t('profile.radius')}
          </label>
          <small id="travelRadiusKm-hint" className="form-text d-block">
            {t('profile.radiusHint')}
          </small>
          {fieldError('travelRadiusKm', errors.travelRadiusKm)}
          <input
            id="travelRadiusKm"
            className={errors.travelRadiusKm ? 'form-control is-invalid' : 'form-control'}
            inputMode="numeric"
            autoComplete="off"
            value={values.travelRadiusKm}
            aria-invalid={errors.travelRadiusKm ? true : undefined}
            aria-describedby={describedBy('travelRadiusKm', errors.travelRadiusKm)}
            onChange={(event) => set('travelRadiusKm', event.target.value)}
          />
        </div>

        <div className="form-group mb-4">
          <label htmlFor="weeklyHourLimit" className="active">
            {t('profile.weeklyHours')}
          </label>
          <small id="weeklyHourLimit-hint" className="form-text d-block">
            {t('profile.weeklyHoursHint')}
          </small>
          {fieldError('weeklyHourLimit', errors.weeklyHourLimit)}
          <input
            id="weeklyHourLimit"
            className={errors.weeklyHourLimit ? 'form-control is-invalid' : 'form-control'}
            inputMode="numeric"
            autoComplete="off"
            value={values.weeklyHourLimit}
            aria-invalid={errors.weeklyHourLimit ? true : undefined}
            aria-describedby={describedBy('weeklyHourLimit', errors.weeklyHourLimit)}
            onChange={(event) => set('weeklyHourLimit', event.target.value)}
          />
        </div>

        <fieldset className="mb-4">
          <legend className="h5">{t('profile.vehicle')}</legend>
          {(['yes', 'no'] as const).map((answer) => (
            <div className="form-check" key={answer}>
              <input
                className="form-check-input"
                type="radio"
                name="hasVehicle"
                id={`hasVehicle-${answer}`}
                checked={values.hasVehicle === (answer === 'yes')}
                onChange={() => set('hasVehicle', answer === 'yes')}
              />
              <label className="form-check-label" htmlFor={`hasVehicle-${answer}`}>
                {answer === 'yes' ? t('profile.vehicleYes') : t('profile.vehicleNo')}
              </label>
            </div>
          ))}
          {values.hasVehicle && (
            <div className="ms-4 mt-3">
              <div className="form-group mb-3">
                <label htmlFor="seats" className="active">
                  {t('profile.seats')}
                </label>
                <small id="seats-hint" className="form-text d-block">
                  {t('profile.seatsHint')}
                </small>
                {fieldError('seats', errors['vehicle.seats'])}
                <input
                  id="seats"
                  className={errors['vehicle.seats'] ? 'form-control is-invalid' : 'form-control'}
                  inputMode="numeric"
                  autoComplete="off"
                  value={values.seats}
                  aria-invalid={errors['vehicle.seats'] ? true : undefined}
                  aria-describedby={describedBy('seats', errors['vehicle.seats'])}
                  onChange={(event) => set('seats', event.target.value)}
                />
              </div>
              <div className="form-check">
                <input
                  className="form-check-input"
                  type="checkbox"
                  id="wheelchairAccessible"
                  checked={values.wheelchairAccessible}
                  onChange={(event) => set('wheelchairAccessible', event.target.checked)}
                />
                <label className="form-check-label" htmlFor="wheelchairAccessible">
                  {t('profile.wheelchair')}
                </label>
              </div>
            </div>
          )}
        </fieldset>

        <button type="submit" className="btn btn-primary btn-lg" disabled={saving}>
          {existing ? t('profile.save') : t('profile.create')}
        </button>
      </form>
    </>
  );
}
