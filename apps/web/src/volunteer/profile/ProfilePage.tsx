import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary, Field, Unreachable, useServerErrors } from '../../forms';
import type { HelpCategory } from '../../gql/graphql';
import { Page } from '../../layout/Page';
import { refreshSession } from '../../session/refresh';
import { ChoiceGroup, TextAreaField } from '../../forms/controls';
import { useVolunteerTranslation } from '../i18n';
import { MY_VOLUNTEER_PROFILE, UPSERT_VOLUNTEER_PROFILE } from '../operations';
import { VOLUNTEER_PATHS } from '../paths';
import { LoadState } from '../states';
import { HomePicker } from './HomePicker';
import {
  BIO_MAX,
  checkProfileForm,
  emptyProfileForm,
  profileInputOf,
  type ProfileField,
  type ProfileFormValues,
} from './profile-form';
import { HELP_CATEGORIES } from '../../categories';

const LANGUAGES = ['it', 'en', 'fr', 'de', 'es', 'ar', 'ro', 'sq', 'uk', 'zh'] as const;

// The api's field names (and this form's checks) to the inputs that show them, in page order.
const INPUT_OF: Record<ProfileField, string> = {
  displayName: 'displayName',
  bio: 'bio',
  categories: 'categories-RIDES_AND_ACCOMPANIMENT',
  languages: 'otherLanguages',
  homeLat: 'comune',
  travelRadiusKm: 'travelRadiusKm',
  weeklyHourLimit: 'weeklyHourLimit',
  'vehicle.seats': 'seats',
};
const FIELD_ORDER = Object.keys(INPUT_OF) as ProfileField[];
const API_FIELDS: Record<string, string> = {
  ...INPUT_OF,
  homeLon: 'comune',
  comuneIstat: 'comune',
  seats: 'seats',
  'vehicle.wheelchairAccessible': 'seats',
};

/** The form's values typed as text, each shown in one input of that id. */
type TextKey = {
  [K in keyof ProfileFormValues]: ProfileFormValues[K] extends string ? K : never;
}[keyof ProfileFormValues];

/** Become a volunteer, or change the profile: one page, a section per question. */
export default function ProfilePage() {
  const { t } = useVolunteerTranslation();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(MY_VOLUNTEER_PROFILE);
  const [upsert, { loading: saving }] = useMutation(UPSERT_VOLUNTEER_PROFILE);
  const [values, setValues] = useState<ProfileFormValues>(emptyProfileForm());
  const [saved, setSaved] = useState(false);
  const errors = useServerErrors();
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
      home: {
        lat: existing.homeLat,
        lon: existing.homeLon,
        comuneIstat: existing.comuneIstat,
        label: existing.comuneName,
      },
      travelRadiusKm: String(existing.travelRadiusKm),
      weeklyHourLimit: String(existing.weeklyHourLimit),
      hasVehicle: Boolean(existing.vehicle),
      seats: String(existing.vehicle?.seats ?? 3),
      wheelchairAccessible: existing.vehicle?.wheelchairAccessible ?? false,
    });
  }, [existing]);

  const set = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  // A text control of the form: its id is its key in the values, its error the one shown at that id.
  const textOf = (key: TextKey) => ({
    id: key,
    error: errors.byField[key],
    value: values[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });
  const toggleCategory = (category: HelpCategory, on: boolean) =>
    setValues((current) => ({
      ...current,
      categories: on
        ? [...current.categories, category]
        : current.categories.filter((item) => item !== category),
    }));
  const toggleLanguage = (code: string, on: boolean) =>
    setValues((current) => ({
      ...current,
      languages: on ? [...current.languages, code] : current.languages.filter((item) => item !== code),
    }));

  const submit = async () => {
    setSaved(false);
    const problems = checkProfileForm(values);
    const found = FIELD_ORDER.filter((field) => problems[field]);
    if (found.length) {
      errors.show(
        found.map((field) => ({ fieldId: INPUT_OF[field], message: t(`profile.errors.${problems[field]}`) })),
      );
      return;
    }
    errors.clear();
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
        // The new VOLUNTEER role: a fresh session brings it to the header's menu.
        await refreshSession().catch(() => false);
        navigate(VOLUNTEER_PATHS.availability, { state: { flash: t('profile.created') } });
      }
    } catch (caught) {
      errors.showApiError(caught, API_FIELDS);
    }
  };

  const title = existing ? t('profile.titleEdit') : t('profile.titleNew');
  if (!data) {
    return (
      <Page title={t('profile.titleNew')}>
        <LoadState loading={loading} error={error} onRetry={() => void refetch()} />
      </Page>
    );
  }

  return (
    <Page title={title} lead={t('profile.lead')}>
      <div className="readable">
        <ErrorSummary errors={errors} />
        {errors.unreachable ? <Unreachable onRetry={() => void submit()} /> : null}
        <div aria-live="polite">
          {saved && (
            <div className="alert alert-success" role="status">
              {t('profile.saved')} <Link to={VOLUNTEER_PATHS.availability}>{t('nav.availability')}</Link>
            </div>
          )}
        </div>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Field
            {...textOf('displayName')}
            label={t('profile.displayName')}
            hint={t('profile.displayNameHint')}
            autoComplete="nickname"
          />
          <TextAreaField
            {...textOf('bio')}
            label={t('profile.bio')}
            hint={t('profile.bioHint')}
            maxLength={BIO_MAX}
          />
          <ChoiceGroup
            id="categories"
            type="checkbox"
            legend={t('profile.categories')}
            hint={t('profile.categoriesHint')}
            error={errors.byField[INPUT_OF.categories]}
            choices={HELP_CATEGORIES.map((category) => ({
              value: category,
              label: t(`categories.${category}`),
            }))}
            selected={values.categories}
            onToggle={(category, on) => toggleCategory(category as HelpCategory, on)}
          />
          <ChoiceGroup
            id="languages"
            type="checkbox"
            columns
            legend={t('profile.languages')}
            hint={t('profile.languagesHint')}
            choices={LANGUAGES.map((code) => ({ value: code, label: t(`languageNames.${code}`) }))}
            selected={values.languages}
            onToggle={toggleLanguage}
          />
          <Field {...textOf('otherLanguages')} label={t('profile.otherLanguage')} autoComplete="off" />
          <HomePicker
            value={values.home}
            error={errors.byField.comune}
            onChange={(home) => set('home', home)}
          />
          <Field
            {...textOf('travelRadiusKm')}
            label={t('profile.radius')}
            hint={t('profile.radiusHint')}
            inputMode="numeric"
            autoComplete="off"
          />
          <Field
            {...textOf('weeklyHourLimit')}
            label={t('profile.weeklyHours')}
            hint={t('profile.weeklyHoursHint')}
            inputMode="numeric"
            autoComplete="off"
          />
          <ChoiceGroup
            id="hasVehicle"
            type="radio"
            legend={t('profile.vehicle')}
            choices={[
              { value: 'yes', label: t('profile.vehicleYes') },
              { value: 'no', label: t('profile.vehicleNo') },
            ]}
            selected={values.hasVehicle === null ? [] : [values.hasVehicle ? 'yes' : 'no']}
            onToggle={(answer) => set('hasVehicle', answer === 'yes')}
          />
          {values.hasVehicle && (
            <div className="ms-3 ps-3 border-start border-3">
              <Field
                {...textOf('seats')}
                label={t('profile.seats')}
                hint={t('profile.seatsHint')}
                inputMode="numeric"
                autoComplete="off"
              />
              <ChoiceGroup
                id="wheelchairAccessible"
                type="checkbox"
                legend={t('profile.wheelchairLegend')}
                choices={[{ value: 'yes', label: t('profile.wheelchair') }]}
                selected={values.wheelchairAccessible ? ['yes'] : []}
                onToggle={(_, on) => set('wheelchairAccessible', on)}
              />
            </div>
          )}
          <button type="submit" className="btn btn-primary btn-lg" disabled={saving}>
            {existing ? t('profile.save') : t('profile.create')}
          </button>
        </form>
      </div>
    </Page>
  );
}
