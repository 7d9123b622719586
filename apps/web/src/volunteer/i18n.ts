import { registerMessages, useTranslation, type TranslateOptions } from '../i18n';
import { volunteerEn, volunteerIt } from './messages';

registerMessages('volunteer', { it: volunteerIt, en: volunteerEn });

/** The app's translation, with keys relative to the volunteer area's messages ("volunteer.…"). */
export function useVolunteerTranslation() {
  const { t, i18n, language } = useTranslation();
  return {
    t: (key: string, options?: TranslateOptions) => t(`volunteer.${key}`, options),
    /** For the app's shared messages (state.*, form.*). */
    tApp: t,
    i18n,
    language,
  };
}
