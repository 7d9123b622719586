import { useMutation } from '@apollo/client/react';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { currentLanguage, useTranslation } from '../i18n';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { apolloClient } from '../api/client';
import { Checkbox, ErrorSummary, Field, Unreachable, useServerErrors } from '../forms';
import { Page } from '../layout/Page';
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
      navigate(safeReturnPath(params.get('dopo')), { replace: true });
    } catch (error) {
      errors.showApiError(error, API_FIELDS);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void (challenge ? confirmCode() : sendCode());
  };
  const busy = requesting.loading || verifying.loading;

  return (
    <Page
      title={challenge ? t('signIn.codeTitle') : t('signIn.title')}
      lead={challenge ? undefined : t('signIn.lead')}
    >
      {params.get('uscito') ? (
        <Alert color="success" role="status" fade={false}>
          {t('signIn.signedOut')}
        </Alert>
      ) : null}
      <div className="readable">
        <ErrorSummary errors={errors} />
        {errors.unreachable ? (
          <Unreachable onRetry={() => void (lastAction.current === 'verify' ? confirmCode() : sendCode())} />
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
              <h2 className="h4">{t('signIn.privacyTitle')}</h2>
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
    </Page>
  );
}
