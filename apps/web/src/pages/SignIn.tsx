import { useMutation } from '@apollo/client/react';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { currentLanguage, useTranslation } from '../i18n';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { apolloClient } from '../api/client';
import { Checkbox, ErrorSummary, Field, Unreachable, useServerErrors } from '../forms';
import { Page } from '../layout/Page';
import { failureOf, isCancellation, type SignInFailure } from '../session/identity/failures';
import { IdentityButtons, useIdentityProviders } from '../session/identity/IdentityButtons';
import { startSession } from '../session/refresh';
import { PRIVACY_NOTICE, REQUEST_CODE, VERIFY_PHONE } from '../session/operations';
import { safeReturnPath } from '../session/RequireSignIn';

const API_FIELDS = { phone: 'phone', code: 'code', privacyNoticeVersion: 'privacy' };

/** Counts down to 0 from `seconds`, once a second; restarts when `key` changes. */
function useCountdown(seconds: number, key: unknown): number {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds);
    if (seconds <= 0) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds, key]);
  return left;
}

/**
 * Why the SPID/CIE sign-in did not finish, at the top of the page: it takes focus (after the page
 * heading's own focus on a client-side navigation), so that a screen reader reads it at once.
 */
function IdentityFailure({ failure }: { failure: SignInFailure }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => ref.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [failure]);
  const cancelled = isCancellation(failure);
  return (
    <div
      ref={ref}
      className={`alert ${cancelled ? 'alert-warning' : 'alert-danger'} identity-failure readable`}
      role="alert"
      tabIndex={-1}
      aria-labelledby="identity-failure-title"
    >
      <h2 id="identity-failure-title" className="h5">
        {t(cancelled ? 'identity.failureTitle.cancelled' : 'identity.failureTitle.other')}
      </h2>
      <p className="mb-0">{t(`identity.failure.${failure}`)}</p>
    </div>
  );
}

export default function SignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const errors = useServerErrors();
  const [phone, setPhone] = useState('');
  const [privacyAccepted, setPrivacyAccepted] = useState(false);
  const [code, setCode] = useState('');
  const [challenge, setChallenge] = useState<{ phone: string; resendAfterSeconds: number; sentAt: number }>();
  const [requestCode, requesting] = useMutation(REQUEST_CODE);
  const [verifyPhone, verifying] = useMutation(VERIFY_PHONE);
  const resendIn = useCountdown(challenge?.resendAfterSeconds ?? 0, challenge?.sentAt);
  const codeInput = useRef<HTMLInputElement>(null);
  const lastAction = useRef<'request' | 'verify'>('request');
  const providers = useIdentityProviders();
  const returnPath = safeReturnPath(params.get('dopo'));
  const failure = failureOf(params.get('identita'));

  useEffect(() => {
    if (challenge) codeInput.current?.focus();
  }, [challenge]);

  async function sendCode() {
    lastAction.current = 'request';
    if (!phone.trim()) return errors.show([{ fieldId: 'phone', message: t('errors.PHONE_REQUIRED') }]);
    if (!privacyAccepted)
      return errors.show([{ fieldId: 'privacy', message: t('errors.PRIVACY_NOT_ACCEPTED') }]);
    try {
      const result = await requestCode({
        variables: { input: { phone: phone.trim(), language: currentLanguage() } },
      });
      const sent = result.data?.requestPhoneVerification;
      if (!sent) return;
      errors.clear();
      setCode('');
      setChallenge({ phone: sent.phone, resendAfterSeconds: sent.resendAfterSeconds, sentAt: Date.now() });
    } catch (error) {
      errors.showApiError(error, API_FIELDS);
    }
  }

  async function confirmCode() {
    lastAction.current = 'verify';
    if (!challenge) return;
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) return errors.show([{ fieldId: 'code', message: t('errors.CODE_FORMAT') }]);
    try {
      // The version of the notice the person just ticked: the api records the acceptance with it.
      const notice = await apolloClient.query({
        query: PRIVACY_NOTICE,
        variables: { language: currentLanguage() },
      });
      const result = await verifyPhone({
        variables: {
          input: {
            phone: challenge.phone,
            code: digits,
            language: currentLanguage(),
            privacyNoticeVersion: notice.data?.privacyNotice.version,
          },
        },
      });
      const payload = result.data?.verifyPhone;
      if (!payload) return;
      startSession(payload);
      navigate(returnPath, { replace: true });
    } catch (error) {
      errors.showApiError(error, API_FIELDS);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void (challenge ? confirmCode() : sendCode());
  };
  const busy = requesting.loading || verifying.loading;
  // SPID and CIE beside the phone, when the Comune offers them (not while a code is being typed).
  const identity = !challenge && (providers.spid.length > 0 || providers.cie.length > 0);
  const SectionHeading = identity ? 'h3' : 'h2';

  return (
    <Page
      title={challenge ? t('signIn.codeTitle') : t('signIn.title')}
      lead={challenge || identity ? undefined : t('signIn.lead')}
    >
      {params.get('uscito') ? (
        <Alert color="success" role="status" fade={false}>
          {t('signIn.signedOut')}
        </Alert>
      ) : null}
      {failure && !challenge ? <IdentityFailure failure={failure} /> : null}
      <div className="row gy-4">
        <div className={identity ? 'col-lg-6' : 'col-12'}>
          <div className="readable">
            {identity ? (
              <>
                <h2 className="h3">{t('signIn.phoneTitle')}</h2>
                <p>{t('signIn.lead')}</p>
              </>
            ) : null}
            <ErrorSummary errors={errors} />
            {errors.unreachable ? (
              <Unreachable
                onRetry={() => void (lastAction.current === 'verify' ? confirmCode() : sendCode())}
              />
            ) : null}
            <form onSubmit={onSubmit} noValidate>
              {challenge ? (
                <>
                  <p>{t('signIn.codeSentTo', { phone: challenge.phone })}</p>
                  <Field
                    ref={codeInput}
                    id="code"
                    name="code"
                    label={t('signIn.code')}
                    hint={t('signIn.codeHint')}
                    error={errors.byField.code}
                    value={code}
                    onChange={(event) => setCode(event.target.value)}
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    maxLength={8}
                    className="code-input"
                  />
                  <Button type="submit" color="primary" size="lg" className="mb-4" disabled={busy}>
                    {t('signIn.confirm')}
                  </Button>
                  <div aria-live="polite" className="mb-3">
                    {resendIn > 0 ? (
                      <p>{t('signIn.resendIn', { seconds: resendIn })}</p>
                    ) : (
                      <Button type="button" color="primary" outline onClick={() => void sendCode()}>
                        {t('signIn.resend')}
                      </Button>
                    )}
                  </div>
                  <button
                    type="button"
                    className="btn btn-link px-0"
                    onClick={() => {
                      setChallenge(undefined);
                      errors.clear();
                    }}
                  >
                    {t('signIn.changeNumber')}
                  </button>
                </>
              ) : (
                <>
                  <Field
                    id="phone"
                    name="phone"
                    type="tel"
                    label={t('signIn.phone')}
                    hint={t('signIn.phoneHint')}
                    error={errors.byField.phone}
                    value={phone}
                    onChange={(event) => setPhone(event.target.value)}
                    autoComplete="tel"
                    inputMode="tel"
                  />
                  <SectionHeading className="h4">{t('signIn.privacyTitle')}</SectionHeading>
                  <p>{t('signIn.privacyText')}</p>
                  <p>
                    <Link to="/privacy" target="_blank">
                      {t('signIn.privacyLink')}
                    </Link>
                  </p>
                  <Checkbox
                    id="privacy"
                    name="privacy"
                    label={t('signIn.privacyAccept')}
                    checked={privacyAccepted}
                    onChange={(event) => setPrivacyAccepted(event.target.checked)}
                    error={errors.byField.privacy}
                  />
                  <Button type="submit" color="primary" size="lg" disabled={busy}>
                    {t('signIn.sendCode')}
                  </Button>
                </>
              )}
            </form>
          </div>
        </div>
        {identity ? (
          <section className="col-lg-5 offset-lg-1" aria-labelledby="identity-title">
            <h2 id="identity-title" className="h3">
              {t('identity.title')}
            </h2>
            <p>{t('identity.lead')}</p>
            <IdentityButtons spid={providers.spid} cie={providers.cie} returnPath={returnPath} />
          </section>
        ) : null}
      </div>
    </Page>
  );
}
