import type { ContentType, ModerationMode } from '../gql/graphql';

/** Staff step-up in the territory: the platform default, or the territory's own on or off. */
export type StepUpChoice = 'DEFAULT' | 'ON' | 'OFF';

export const stepUpChoice = (setting: boolean | null): StepUpChoice =>
  setting === null ? 'DEFAULT' : setting ? 'ON' : 'OFF';

export const stepUpSetting = (choice: StepUpChoice): boolean | null =>
  choice === 'DEFAULT' ? null : choice === 'ON';

/** The territory settings page's form: the desk, matching, and the mode of each content type. */
export interface SettingsForm {
  deskPhone: string;
  deskHours: string;
  citizenConfirmationRequired: boolean;
  scheduledBatchAssignment: boolean;
  staffStepUp: StepUpChoice;
  modes: Partial<Record<ContentType, ModerationMode>>;
}

/**
 * What to save: the desk, matching and step-up when any of their fields changed (each is one mutation), and
 * the content types whose mode changed. Spaces around the desk's texts do not count as a change.
 */
export function settingsChanges(
  stored: SettingsForm,
  form: SettingsForm,
): { desk: boolean; matching: boolean; stepUp: boolean; modes: [ContentType, ModerationMode][] } {
  return {
    desk:
      stored.deskPhone.trim() !== form.deskPhone.trim() || stored.deskHours.trim() !== form.deskHours.trim(),
    matching:
      stored.citizenConfirmationRequired !== form.citizenConfirmationRequired ||
      stored.scheduledBatchAssignment !== form.scheduledBatchAssignment,
    stepUp: stored.staffStepUp !== form.staffStepUp,
    modes: (Object.entries(form.modes) as [ContentType, ModerationMode | undefined][]).flatMap(
      ([type, mode]): [ContentType, ModerationMode][] =>
        mode !== undefined && mode !== stored.modes[type] ? [[type, mode]] : [],
    ),
  };
}
