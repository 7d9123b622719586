import { lazy, Suspense } from 'react';
import { useTranslation } from '../i18n';

// The SPID/CIE buttons load only when an operation asks for them (not with the landing page).
const StepUpNotice = lazy(() => import('../session/identity/StepUpNotice'));

/** STEP_UP_REQUIRED's remedy: "Entra con SPID" / "Entra con CIE", back to this page afterwards. */
export function StepUpAction() {
  return (
    <Suspense fallback={null}>
      <StepUpNotice />
    </Suspense>
  );
}

/** A load that failed with STEP_UP_REQUIRED: the message and the sign-in that lifts it. */
export function StepUpAlert() {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warning" role="alert">
      <p>{t('errors.STEP_UP_REQUIRED')}</p>
      <StepUpAction />
    </div>
  );
}
