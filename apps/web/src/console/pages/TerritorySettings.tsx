import { useApolloClient, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useState } from 'react';
import { Checkbox, ErrorSummary, Field, Unreachable, useServerErrors } from '../../forms';
import { ChoiceGroup } from '../../forms/controls';
import { graphql } from '../../gql';
import type { ModerationMode, Role } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { showConsoleApiError } from '../api-problems';
import { NoTerritory, QueryState, SavedNotice, SaveButton } from '../fields';
import {
  type SettingsForm,
  settingsChanges,
  type StepUpChoice,
  stepUpChoice,
  stepUpSetting,
} from '../settings';
import { useHoldsRoleIn } from '../staff-roles';
import { useStaffTerritory } from '../territory';
import '../comune.css';

const SETTINGS = graphql(`
  query TerritorySettingsPage($territoryId: ID!) {
    territory(id: $territoryId) {
      id
      deskPhone
      deskHours
    }
    territoryMatchingSettings(territoryId: $territoryId) {
      territoryId
      citizenConfirmationRequired
      scheduledBatchAssignment
    }
    territoryStaffStepUp(territoryId: $territoryId) {
      territoryId
      setting
      platformDefault
    }
    moderationModes(territoryId: $territoryId) {
      contentType
      mode
      isDefault
    }
  }
`);

const SET_DESK = graphql(`
  mutation SaveTerritoryDesk($input: SetTerritoryDeskInput!) {
    setTerritoryDesk(input: $input) {
      id
      deskPhone
      deskHours
    }
  }
`);

const SET_MATCHING = graphql(`
  mutation SaveTerritoryMatching($input: SetTerritoryMatchingSettingsInput!) {
    setTerritoryMatchingSettings(input: $input) {
      territoryId
      citizenConfirmationRequired
      scheduledBatchAssignment
    }
  }
`);

const SET_STEP_UP = graphql(`
  mutation SaveTerritoryStaffStepUp($input: SetTerritoryStaffStepUpInput!) {
    setTerritoryStaffStepUp(input: $input) {
      territoryId
      setting
      platformDefault
    }
  }
`);

const SET_MODE = graphql(`
  mutation SaveModerationMode($input: SetModerationModeInput!) {
    setModerationMode(input: $input)
  }
`);

const MODERATOR: Role[] = ['COMUNE_MODERATOR'];
const MODES: ModerationMode[] = ['PRE', 'POST'];
const STEP_UP_CHOICES: StepUpChoice[] = ['DEFAULT', 'ON', 'OFF'];
const HOURS_MAX = 40;

/** The moderator's settings of the territory: moderation per content type, matching, the desk. */
export default function TerritorySettings() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { territory, loading: territoryLoading } = useStaffTerritory();
  const isModerator = useHoldsRoleIn(territory?.id, MODERATOR);
  const territoryId = territory?.id ?? '';
  const settings = useQuery(SETTINGS, { variables: { territoryId }, skip: !territory || !isModerator });
  const errors = useServerErrors();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  // What is stored, as the form edits it: set again when the territory or the stored values change.
  const data = settings.data;
  const stored: SettingsForm | null = data
    ? {
        deskPhone: data.territory.deskPhone ?? '',
        deskHours: data.territory.deskHours ?? '',
        citizenConfirmationRequired: data.territoryMatchingSettings.citizenConfirmationRequired,
        scheduledBatchAssignment: data.territoryMatchingSettings.scheduledBatchAssignment,
        staffStepUp: stepUpChoice(data.territoryStaffStepUp.setting ?? null),
        modes: Object.fromEntries(data.moderationModes.map((row) => [row.contentType, row.mode])),
      }
    : null;
  const storedKey = stored ? JSON.stringify(stored) : '';
  useEffect(() => {
    setForm(storedKey ? (JSON.parse(storedKey) as SettingsForm) : null);
  }, [storedKey]);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (!form || !stored) return;
    const changes = settingsChanges(stored, form);
    setSaved(null);
    if (!changes.desk && !changes.matching && !changes.stepUp && !changes.modes.length) {
      errors.clear();
      setSaved(t('console.settings.nothingChanged'));
      return;
    }
    setSaving(true);
    try {
      // The desk first: it is the part the api may refuse at a field; nothing else is saved then.
      if (changes.desk) {
        await client.mutate({
          mutation: SET_DESK,
          variables: {
            input: {
              territoryId,
              phone: form.deskPhone.trim() || null,
              hours: form.deskHours.trim() || null,
            },
          },
        });
      }
      // Before the rest: where step-up is in effect the api asks for SPID or CIE to change it.
      if (changes.stepUp) {
        await client.mutate({
          mutation: SET_STEP_UP,
          variables: { input: { territoryId, required: stepUpSetting(form.staffStepUp) } },
        });
      }
      if (changes.matching) {
        await client.mutate({
          mutation: SET_MATCHING,
          variables: {
            input: {
              territoryId,
              citizenConfirmationRequired: form.citizenConfirmationRequired,
              scheduledBatchAssignment: form.scheduledBatchAssignment,
            },
          },
        });
      }
      for (const [contentType, mode] of changes.modes) {
        await client.mutate({ mutation: SET_MODE, variables: { input: { territoryId, contentType, mode } } });
      }
      errors.clear();
      await settings.refetch();
      setSaved(t('console.settings.saved'));
    } catch (error) {
      showConsoleApiError(errors, error, { phone: 'deskPhone', hours: 'deskHours' });
    } finally {
      setSaving(false);
    }
  }

  const modes = data?.moderationModes ?? [];
  return (
    <Page title={t('console.settings.title')} lead={t('console.settings.lead')}>
      <NoTerritory territory={territory} loading={territoryLoading} />
      {territory && !isModerator ? (
        <p className="alert alert-info readable">{t('console.settings.onlyModerators')}</p>
      ) : null}
      {territory && isModerator ? (
        <>
          <QueryState query={settings} />
          {form ? (
            <form className="readable settings-form" noValidate onSubmit={(event) => void save(event)}>
              <ErrorSummary errors={errors} />
              {errors.unreachable ? <Unreachable onRetry={() => void save()} /> : null}
              <section aria-labelledby="settings-moderation" className="mb-5">
                <h2 id="settings-moderation">{t('console.settings.moderationTitle')}</h2>
                <p>{t('console.settings.moderationHint')}</p>
                {modes.map((row) => (
                  <ChoiceGroup
                    key={row.contentType}
                    id={`mode-${row.contentType}`}
                    type="radio"
                    legend={
                      <>
                        {t(`console.moderation.contentType.${row.contentType}`)}
                        {row.isDefault ? (
                          <span className="settings-default"> {t('console.settings.byDefault')}</span>
                        ) : null}
                      </>
                    }
                    columns
                    choices={MODES.map((mode) => ({
                      value: mode,
                      label: t(`console.settings.mode.${mode}`),
                    }))}
                    selected={[form.modes[row.contentType] ?? row.mode]}
                    onToggle={(value, checked) =>
                      checked &&
                      setForm({
                        ...form,
                        modes: { ...form.modes, [row.contentType]: value as ModerationMode },
                      })
                    }
                  />
                ))}
              </section>
              <section aria-labelledby="settings-matching" className="mb-5">
                <h2 id="settings-matching">{t('console.settings.matchingTitle')}</h2>
                <SettingCheckbox
                  id="citizenConfirmation"
                  label={t('console.settings.confirmation')}
                  hint={t('console.settings.confirmationHint')}
                  checked={form.citizenConfirmationRequired}
                  onChange={(checked) => setForm({ ...form, citizenConfirmationRequired: checked })}
                />
                <SettingCheckbox
                  id="scheduledBatch"
                  label={t('console.settings.scheduledBatch')}
                  hint={t('console.settings.scheduledBatchHint')}
                  checked={form.scheduledBatchAssignment}
                  onChange={(checked) => setForm({ ...form, scheduledBatchAssignment: checked })}
                />
              </section>
              <section aria-labelledby="settings-step-up" className="mb-5">
                <h2 id="settings-step-up">{t('console.settings.stepUpTitle')}</h2>
                <p>{t('console.settings.stepUpHint')}</p>
                <ChoiceGroup
                  id="staffStepUp"
                  type="radio"
                  legend={t('console.settings.stepUpLegend')}
                  choices={STEP_UP_CHOICES.map((choice) => ({
                    value: choice,
                    label: t(`console.settings.stepUp.${choice}`, {
                      state: t(
                        `console.settings.stepUpState.${data?.territoryStaffStepUp.platformDefault ? 'on' : 'off'}`,
                      ),
                    }),
                  }))}
                  selected={[form.staffStepUp]}
                  onToggle={(value, checked) =>
                    checked && setForm({ ...form, staffStepUp: value as StepUpChoice })
                  }
                />
                <p className="form-field__hint settings-checkbox-hint">
                  {t('console.settings.stepUpChangeHint')}
                </p>
              </section>
              <section aria-labelledby="settings-desk" className="mb-4">
                <h2 id="settings-desk">{t('console.settings.deskTitle')}</h2>
                <p>{t('console.settings.deskHint')}</p>
                <Field
                  id="deskPhone"
                  type="tel"
                  inputMode="tel"
                  autoComplete="off"
                  label={t('console.settings.deskPhone')}
                  hint={t('console.settings.deskPhoneHint')}
                  error={errors.byField.deskPhone}
                  value={form.deskPhone}
                  onChange={(event) => setForm({ ...form, deskPhone: event.target.value })}
                />
                <Field
                  id="deskHours"
                  type="text"
                  autoComplete="off"
                  maxLength={HOURS_MAX}
                  label={t('console.settings.deskHours')}
                  hint={t('console.settings.deskHoursHint', { max: HOURS_MAX })}
                  error={errors.byField.deskHours}
                  value={form.deskHours}
                  onChange={(event) => setForm({ ...form, deskHours: event.target.value })}
                />
              </section>
              <SaveButton
                saving={saving}
                text={t('console.settings.save')}
                savingText={t('console.settings.saving')}
              />
              <SavedNotice saved={saved} />
            </form>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

/** A setting switched on or off, its hint under it (read with it: aria-describedby). */
function SettingCheckbox({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <>
      <Checkbox
        id={id}
        label={label}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="form-field__hint settings-checkbox-hint">
        {hint}
      </p>
    </>
  );
}
