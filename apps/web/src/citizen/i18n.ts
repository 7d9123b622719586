import './citizen.css';
import { registerMessages, type TranslateOptions, useTranslation } from '../i18n';
import { citizenEn } from './messages.en';
import { citizenIt } from './messages.it';

// The citizen pages' messages load with their chunk, not with the landing page.
registerMessages('citizen', { it: citizenIt, en: citizenEn });

/** useTranslation() for the citizen pages: t('new.title') reads "citizen.new.title"; tApp the app's own keys. */
export function useCitizenTranslation() {
  const { t, language } = useTranslation();
  return {
    t: (key: string, options?: TranslateOptions) => t(`citizen.${key}`, options),
    tApp: t,
    language,
  };
}
