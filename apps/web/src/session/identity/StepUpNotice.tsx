import { useLocation } from 'react-router';
import { useTranslation } from '../../i18n';
import { withoutReturnParameters } from '../return-path';
import { IdentityButtons, useIdentityProviders } from './IdentityButtons';

/**
 * What STEP_UP_REQUIRED offers besides its message (errors.STEP_UP_REQUIRED): the SPID and CIE
 * buttons, coming back to this very page. Started from a signed-in session, the api links the
 * identity to this account and the new session carries the level the operation needs.
 */
export default function StepUpNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const { spid, cie } = useIdentityProviders();
  if (!spid.length && !cie.length) return null;
  return (
    <div className="step-up mt-3">
      <p className="mb-2">{t('identity.stepUpHint')}</p>
      <IdentityButtons
        spid={spid}
        cie={cie}
        returnPath={withoutReturnParameters(location.pathname, location.search)}
      />
    </div>
  );
}
