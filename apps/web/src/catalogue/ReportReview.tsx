import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary, Unreachable, useServerErrors } from '../forms';
import { TextAreaField } from '../forms/controls';
import { useTranslation } from '../i18n';
import { signInPathFor } from '../session/return-path';
import { REPORT_REVIEW } from './operations';

/**
 * "Segnala" under a published review: a short reason goes to the Comune's moderators. Three reports
 * from different people hide the review until a moderator decides (the api's rule), so the reason is
 * asked for: it is what the moderator reads. `which` names the review (stars, date, the comment's
 * start) so that a screen reader's list of buttons tells them apart. A visitor who is not signed in
 * gets a link to sign in that comes back to this page, not a form the api would refuse.
 */
export function ReportReview({
  reviewId,
  which,
  signedIn,
  returnTo,
}: {
  reviewId: string;
  which: string;
  signedIn: boolean;
  returnTo: string;
}) {
  const { t } = useTranslation();
  const [report, reporting] = useMutation(REPORT_REVIEW);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const errors = useServerErrors();
  const reasonId = `report-${reviewId}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  async function send() {
    if (!reason.trim()) {
      errors.show([{ fieldId: reasonId, message: t('offer.report.missingReason') }]);
      return;
    }
    try {
      await report({
        variables: { input: { contentType: 'REVIEW', contentId: reviewId, reason: reason.trim() } },
      });
      errors.clear();
      setOpen(false);
      setDone(true);
    } catch (error) {
      errors.showApiError(error, { reason: reasonId });
    }
  }

  if (!signedIn) {
    return (
      <p className="mt-2 mb-0">
        <Link
          className="btn btn-link btn-sm p-0 text-start"
          to={signInPathFor(returnTo, '')}
          aria-label={t('offer.report.signInOf', { which })}
        >
          {t('offer.report.signIn')}
        </Link>
      </p>
    );
  }

  return (
    <div className="mt-2">
      {done ? null : (
        <button
          type="button"
          className="btn btn-link btn-sm p-0"
          aria-label={t('offer.report.openOf', { which })}
          aria-expanded={open}
          aria-controls={`${reasonId}-form`}
          onClick={() => setOpen((current) => !current)}
        >
          {t('offer.report.open')}
        </button>
      )}
      {open ? (
        <form
          id={`${reasonId}-form`}
          className="readable mt-2"
          noValidate
          aria-label={t('offer.report.openOf', { which })}
          onSubmit={submit}
        >
          <ErrorSummary errors={errors} />
          {errors.unreachable ? <Unreachable onRetry={() => void send()} /> : null}
          <TextAreaField
            id={reasonId}
            label={t('offer.report.reason')}
            hint={t('offer.report.hint')}
            error={errors.byField[reasonId]}
            maxLength={500}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <button type="submit" className="btn btn-primary btn-sm" disabled={reporting.loading}>
            {t('offer.report.submit')}
          </button>
        </form>
      ) : null}
      <div aria-live="polite">
        {done ? (
          <p className="alert alert-success mt-2 mb-0" role="status">
            {t('offer.report.sent')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
