import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useState } from 'react';
import { Checkbox, ErrorSummary, Field, Unreachable, useServerErrors } from '../../forms';
import { i18n, type Language } from '../../i18n';
import { Page } from '../../layout/Page';
import { formatDate, formatTime, parseTime } from '../datetime';
import { Radios } from '../fields';
import { useCitizenTranslation } from '../i18n';
import { PREFERENCES, UPDATE_PREFERENCES } from '../operations';
import { showProblems } from '../problems';
import { QueryState } from '../QueryState';

/** The events a citizen hears about, in the order they happen. */
export const CITIZEN_EVENTS = [
  'need_matched',
  'engagement_confirmation_request',
  'engagement_cancelled',
  'reminder_day_before',
  'reminder_hour_before',
  'rating_request',
  'care_group_quote',
  'moderation_decision',
  'data_export_ready',
] as const;

const CHANNELS = ['SMS', 'IN_APP', 'EMAIL'] as const;
type Channel = (typeof CHANNELS)[number];

interface Form {
  channels: Record<string, Channel[]>;
  quietFrom: string;
  quietTo: string;
  language: Language;
  email: string;
  familyName: string;
  familyPhone: string;
  familyConsent: boolean;
  removeFamily: boolean;
}

/** The api's fields → the inputs of this page. */
const FIELD_IDS: Record<string, string> = {
  email: 'prefs-email',
  'familyContact.phone': 'prefs-family-phone',
  'familyContact.name': 'prefs-family-name',
  'familyContact.consent': 'prefs-family-consent',
  quietHoursStart: 'prefs-quiet-from',
  quietHoursEnd: 'prefs-quiet-to',
};

/** How and when the person is told: channels per event, quiet hours, language, e-mail, a relative. */
export default function PreferencesPage() {
  const { t, tApp, language } = useCitizenTranslation();
  const query = useQuery(PREFERENCES);
  const [save, saving] = useMutation(UPDATE_PREFERENCES, {
    refetchQueries: ['CitizenPreferences'],
    awaitRefetchQueries: true,
  });
  const errors = useServerErrors();
  const [form, setForm] = useState<Form>();
  const [saved, setSaved] = useState(false);
  const preferences = query.data?.myNotificationPreferences;

  useEffect(() => {
    if (!preferences || form) return;
    setForm({
      channels: Object.fromEntries(
        preferences.channels.map((entry) => [entry.event, entry.channels as Channel[]]),
      ),
      quietFrom: preferences.quietHoursStart,
      quietTo: preferences.quietHoursEnd,
      language: preferences.language === 'en' ? 'en' : 'it',
      email: preferences.email ?? '',
      familyName: '',
      familyPhone: '',
      familyConsent: false,
      removeFamily: false,
    });
  }, [preferences, form]);

  if (!form || !preferences) {
    return (
      <Page title={t('preferences.title')}>
        <QueryState error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const current = form;

  const set = (patch: Partial<Form>) => {
    setSaved(false);
    setForm({ ...current, ...patch });
  };
  const toggle = (event: string, channel: Channel, on: boolean) => {
    const chosen = (current.channels[event] ?? []).filter((item) => item !== channel);
    set({ channels: { ...current.channels, [event]: on ? [...chosen, channel] : chosen } });
  };

  async function submit() {
    const found: { fieldId: string; message: string }[] = [];
    const quietFrom = parseTime(current.quietFrom);
    const quietTo = parseTime(current.quietTo);
    if (!quietFrom) found.push({ fieldId: 'prefs-quiet-from', message: t('errors.timeInvalid') });
    if (!quietTo) found.push({ fieldId: 'prefs-quiet-to', message: t('errors.timeInvalid') });
    const addingFamily = Boolean(current.familyName.trim() || current.familyPhone.trim());
    if (addingFamily) {
      if (!current.familyName.trim())
        found.push({ fieldId: 'prefs-family-name', message: t('errors.familyNameRequired') });
      if (!current.familyPhone.trim())
        found.push({ fieldId: 'prefs-family-phone', message: t('errors.familyPhoneRequired') });
      if (!current.familyConsent)
        found.push({ fieldId: 'prefs-family-consent', message: t('errors.familyConsentRequired') });
    }
    if (found.length || !quietFrom || !quietTo) return errors.show(found);
    try {
      await save({
        variables: {
          input: {
            channels: CITIZEN_EVENTS.map((name) => ({ event: name, channels: current.channels[name] ?? [] })),
            quietHoursStart: formatTime(quietFrom),
            quietHoursEnd: formatTime(quietTo),
            language: current.language,
            ...(current.email.trim()
              ? { email: current.email.trim() }
              : preferences?.email
                ? { removeEmail: true }
                : {}),
            ...(addingFamily
              ? {
                  familyContact: {
                    name: current.familyName.trim(),
                    phone: current.familyPhone.trim(),
                    consent: current.familyConsent,
                  },
                }
              : current.removeFamily
                ? { removeFamilyContact: true }
                : {}),
          },
        },
      });
      errors.clear();
      setSaved(true);
      setForm(undefined);
      if (current.language !== language) void i18n.changeLanguage(current.language);
    } catch (error) {
      showProblems(errors, error, FIELD_IDS, tApp);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };
  const family = preferences.familyContact;

  return (
    <Page title={t('preferences.title')} lead={t('preferences.intro')}>
      <div className="readable">
        <ErrorSummary errors={errors} />
        {errors.unreachable ? <Unreachable onRetry={() => void submit()} /> : null}
        <div aria-live="polite">
          {saved ? (
            <div className="alert alert-success" role="status">
              {t('preferences.saved')}
            </div>
          ) : null}
        </div>
        <form noValidate onSubmit={onSubmit}>
          <section className="mb-5" aria-labelledby="prefs-channels">
            <h2 id="prefs-channels">{t('preferences.channels')}</h2>
            <p className="form-field__hint">{t('preferences.channelsHint')}</p>
            {CITIZEN_EVENTS.map((name) => (
              <fieldset key={name} className="channel-row">
                <legend className="form-field__label">{t(`preferences.events.${name}`)}</legend>
                <div className="d-flex flex-wrap column-gap-4">
                  {CHANNELS.map((channel) => (
                    <Checkbox
                      key={channel}
                      id={`channel-${name}-${channel}`}
                      label={t(`preferences.channel.${channel}`)}
                      checked={(current.channels[name] ?? []).includes(channel)}
                      onChange={(event) => toggle(name, channel, event.target.checked)}
                    />
                  ))}
                </div>
              </fieldset>
            ))}
          </section>

          <section className="mb-5" aria-labelledby="prefs-quiet">
            <h2 id="prefs-quiet">{t('preferences.quietHours')}</h2>
            <p className="form-field__hint">{t('preferences.quietHoursHint')}</p>
            <div className="d-flex flex-wrap column-gap-4">
              <Field
                id="prefs-quiet-from"
                label={t('preferences.quietFrom')}
                className="input-short"
                autoComplete="off"
                value={current.quietFrom}
                error={errors.byField['prefs-quiet-from']}
                onChange={(event) => set({ quietFrom: event.target.value })}
              />
              <Field
                id="prefs-quiet-to"
                label={t('preferences.quietTo')}
                className="input-short"
                autoComplete="off"
                value={current.quietTo}
                error={errors.byField['prefs-quiet-to']}
                onChange={(event) => set({ quietTo: event.target.value })}
              />
            </div>
          </section>

          <section className="mb-5" aria-labelledby="prefs-language">
            <h2 id="prefs-language">{t('preferences.language')}</h2>
            <Radios
              id="prefs-language-choice"
              legend={t('preferences.language')}
              legendHidden
              value={current.language}
              options={[
                { value: 'it', label: <span lang="it">{t('preferences.languageIt')}</span> },
                { value: 'en', label: <span lang="en">{t('preferences.languageEn')}</span> },
              ]}
              onChange={(chosen) => set({ language: chosen })}
            />
          </section>

          <section className="mb-5" aria-labelledby="prefs-email-title">
            <h2 id="prefs-email-title">{t('preferences.emailTitle')}</h2>
            <Field
              id="prefs-email"
              label={t('preferences.email')}
              hint={t('preferences.emailHint')}
              type="email"
              inputMode="email"
              autoComplete="email"
              value={current.email}
              error={errors.byField['prefs-email']}
              onChange={(event) => set({ email: event.target.value })}
            />
          </section>

          <section className="mb-5" aria-labelledby="prefs-family">
            <h2 id="prefs-family">{t('preferences.family')}</h2>
            <p className="form-field__hint">{t('preferences.familyHint')}</p>
            {family ? (
              <>
                <p>
                  {t('preferences.familyCurrent', {
                    name: family.name,
                    phone: family.phone,
                    date: formatDate(family.consentAt, language),
                  })}
                </p>
                <Checkbox
                  id="prefs-family-remove"
                  label={t('preferences.familyRemove')}
                  checked={current.removeFamily}
                  onChange={(event) => set({ removeFamily: event.target.checked })}
                />
                <p className="fw-semibold">{t('preferences.familyReplace')}</p>
              </>
            ) : null}
            <Field
              id="prefs-family-name"
              label={t('preferences.familyName')}
              autoComplete="off"
              value={current.familyName}
              error={errors.byField['prefs-family-name']}
              onChange={(event) => set({ familyName: event.target.value })}
            />
            <Field
              id="prefs-family-phone"
              label={t('preferences.familyPhone')}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={current.familyPhone}
              error={errors.byField['prefs-family-phone']}
              onChange={(event) => set({ familyPhone: event.target.value })}
            />
            <Checkbox
              id="prefs-family-consent"
              label={t('preferences.familyConsent')}
              checked={current.familyConsent}
              error={errors.byField['prefs-family-consent']}
              onChange={(event) => set({ familyConsent: event.target.checked })}
            />
          </section>

          <button type="submit" className="btn btn-primary btn-lg" disabled={saving.loading}>
            {t('preferences.save')}
          </button>
        </form>
      </div>
    </Page>
  );
}
