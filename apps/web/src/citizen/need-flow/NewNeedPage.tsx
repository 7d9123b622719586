import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useMemo } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { problemsOf } from '../../api/errors';
import { ErrorSummary, Unreachable, useServerErrors } from '../../forms';
import { Page } from '../../layout/Page';
import { today } from '../datetime';
import { useCitizenTranslation } from '../i18n';
import { HEALTH_CONSENT, OFFER_CONTEXT, POST_NEED } from '../operations';
import { CITIZEN_PATHS } from '../paths';
import { problemText } from '../problems';
import { CheckAnswers } from './CheckAnswers';
import { clearNeedDraft, useNeedDraft } from './draft-store';
import {
  categoryFromParam,
  type Clock,
  firstIncompleteStep,
  locateServerField,
  nextStep,
  previousStep,
  type StepId,
  stepsFor,
  toPostNeedInput,
  validateStep,
} from './need-draft';
import { needFieldId, StepFields, stepTitle } from './StepFields';

const BASE = CITIZEN_PATHS.newNeed;

/** A server error brought back to the page that holds its field. */
interface ServerFieldError {
  fieldId: string;
  message: string;
}

/**
 * "Chiedi aiuto": one question per page (GOV.UK's question pages), each at its own address so that
 * the browser's back button works, then "Controlla le risposte" and the confirmation page.
 */
export default function NewNeedPage() {
  const { step: stepParam } = useParams<{ step?: string }>();
  const [search] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { t, tApp, language } = useCitizenTranslation();
  const [draft, update, replaceDraft] = useNeedDraft();
  const errors = useServerErrors();
  const serverError = (location.state as { serverError?: ServerFieldError } | null)?.serverError;
  const clock: Clock = useMemo(() => ({ now: new Date(), today: today() }), []);
  const step = stepParam as StepId | undefined;
  const steps = stepsFor(draft.category);
  const fromCheckPage = search.get('da') === 'riepilogo';

  const offer = useQuery(OFFER_CONTEXT, { variables: { id: draft.offerId ?? '' }, skip: !draft.offerId });
  const consent = useQuery(HEALTH_CONSENT);
  const [postNeed, posting] = useMutation(POST_NEED);

  // A fresh start from the catalogue (?categoria=…&offerta=…) is a new draft with that category.
  const startCategory = categoryFromParam(search.get('categoria'));
  const startOffer = search.get('offerta') ?? undefined;
  useEffect(() => {
    if (step) return;
    if (startCategory || startOffer) replaceDraft({ category: startCategory, offerId: startOffer });
    navigate(`${BASE}/${startCategory ? 'per-chi' : 'categoria'}`, { replace: true });
  }, [step, startCategory, startOffer, replaceDraft, navigate]);

  // Each page starts clean; a page reached because the api named one of its fields shows that error.
  const { show, clear } = errors;
  useEffect(() => {
    if (serverError) show([{ fieldId: serverError.fieldId, message: serverError.message }]);
    else clear();
  }, [step, serverError, show, clear]);

  if (!step) return null;
  if (!steps.includes(step)) return <Navigate to={`${BASE}/categoria`} replace />;
  // Pages are answered in order: a page reached by its address before the earlier ones goes back.
  const missing = firstIncompleteStep(draft, clock);
  if (missing && steps.indexOf(missing) < steps.indexOf(step))
    return <Navigate to={`${BASE}/${missing}`} replace />;

  const position = steps.indexOf(step) + 1;
  const back = previousStep(draft.category, step);

  function onContinue(event: FormEvent) {
    event.preventDefault();
    const found = validateStep(step as StepId, draft, clock);
    const fields = Object.keys(found);
    if (fields.length) {
      errors.show(fields.map((field) => ({ fieldId: needFieldId(field), message: t(found[field]) })));
      return;
    }
    const done = !firstIncompleteStep(draft, clock);
    navigate(`${BASE}/${fromCheckPage && done ? 'riepilogo' : nextStep(draft.category, step as StepId)}`);
  }

  async function send() {
    const incomplete = firstIncompleteStep(draft, { now: new Date(), today: today() });
    if (incomplete) {
      navigate(`${BASE}/${incomplete}`);
      return;
    }
    try {
      const result = await postNeed({
        variables: { input: toPostNeedInput(draft, { now: new Date(), today: today() }, language) },
      });
      const need = result.data?.postNeed;
      if (!need) return;
      clearNeedDraft();
      navigate(CITIZEN_PATHS.needSent(need.id), { replace: true });
    } catch (error) {
      const problem = problemsOf(error).find((item) => locateServerField(item.field, draft.category));
      const place = problem && locateServerField(problem.field, draft.category);
      if (problem && place) {
        // The page that asks the question, with the api's words at the field; then back here.
        navigate(`${BASE}/${place.step}?da=riepilogo`, {
          state: { serverError: { fieldId: needFieldId(place.field), message: problemText(problem, tApp) } },
        });
        return;
      }
      errors.showApiError(error);
    }
  }

  const onSend = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  const offerData = offer.data?.serviceOffer;

  return (
    <Page key={step} title={step === 'riepilogo' ? t('new.riepilogo.title') : stepTitle(step, draft, t)}>
      <div className="readable">
        <p className="text-muted mb-3">
          {t('new.title')} ·{' '}
          {/* How many steps follow depends on the kind of help: until it is chosen, no total that would change. */}
          {draft.category
            ? t('new.stepOf', { current: position, total: steps.length })
            : t('new.step', { current: position })}
        </p>
        {back ? (
          <p className="mb-3">
            <Link to={`${BASE}/${back}`}>
              <span aria-hidden="true">← </span>
              {t('new.back')}
            </Link>
          </p>
        ) : null}
        <ErrorSummary errors={errors} />
        {errors.unreachable ? <Unreachable onRetry={() => void send()} /> : null}
        {offerData && step === 'categoria' ? (
          <div className="callout note">
            <p className="mb-0">
              {t('new.fromOffer', { title: offerData.title, organisation: offerData.organisation.name })}
            </p>
          </div>
        ) : null}
        {step === 'riepilogo' ? (
          <CheckAnswers draft={draft} clock={clock} sending={posting.loading} onSend={onSend} />
        ) : (
          <form noValidate onSubmit={onContinue}>
            <StepFields
              step={step}
              draft={draft}
              update={update}
              errors={errors.byField}
              healthConsentGiven={consent.data?.myPrivacy.healthDataConsent === true}
            />
            <button type="submit" className="btn btn-primary btn-lg">
              {t('new.continue')}
            </button>
          </form>
        )}
      </div>
    </Page>
  );
}
