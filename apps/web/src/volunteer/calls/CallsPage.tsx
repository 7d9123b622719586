import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useVolunteerTranslation } from '../i18n';
import { formatCalendarDate, formatDate, formatDateTime } from '../format';
import { Page } from '../../layout/Page';
import { MoreOf } from '../../layout/ShowMore';
import type { CallAnswerStatus, CallToActionSummaryFragment } from '../../gql/graphql';
import { useSession } from '../../session/session';
import { CALL_MESSAGES } from '../../calls/call-messages-operations';
import { ANSWER_CALL, CALLS_TO_ACTION, MY_CALL_ANSWERS } from '../operations';
import { LoadState } from '../states';

type Call = CallToActionSummaryFragment;

const MY_STATUS_TONE: Record<CallAnswerStatus, string> = {
  PENDING: 'bg-warning text-dark',
  ACCEPTED: 'bg-success',
  DECLINED: 'bg-secondary',
};

/**
 * Open calls for volunteers; a volunteer answers one with the Comuni that suit them and a message,
 * and finds their answers above, each with what the organisers decided.
 */
export default function CallsPage() {
  const { t, i18n } = useVolunteerTranslation();
  const session = useSession();
  const { data, loading, error, refetch, fetchMore } = useQuery(CALLS_TO_ACTION, {
    fetchPolicy: 'cache-and-network',
  });
  const mine = useQuery(MY_CALL_ANSWERS, {
    fetchPolicy: 'cache-and-network',
    skip: session.status !== 'signedIn',
  });
  const [open, setOpen] = useState<string | null>(null);
  const [answered, setAnswered] = useState<Record<string, string>>({});
  const language = i18n.language;
  const calls = data?.callsToAction.items ?? [];
  const myAnswers = mine.data?.myCallAnswers.items ?? [];
  const answeredCalls = new Set(myAnswers.map((answer) => answer.call.id));

  return (
    <Page title={t('calls.title')} lead={t('calls.lead')}>
      {myAnswers.length > 0 && (
        <section aria-labelledby="my-answers-title" className="mb-5">
          <h2 id="my-answers-title">{t('calls.mineTitle')}</h2>
          <ul className="list-unstyled" data-testid="my-call-answers">
            {myAnswers.map((answer) => (
              <li key={answer.id} className="mb-3">
                <article className="card card-bg shadow-sm" aria-labelledby={`my-answer-${answer.id}`}>
                  <div className="card-body">
                    <h3 id={`my-answer-${answer.id}`} className="h5">
                      {answer.call.title}
                    </h3>
                    <p className="mb-2">
                      <span className={`badge ${MY_STATUS_TONE[answer.status]}`}>
                        {t(`calls.myStatus.${answer.status}`)}
                      </span>
                    </p>
                    <CallFacts call={answer.call} language={language} />
                    <p className="small mb-0">
                      {t('calls.answeredOn', { date: formatDate(answer.createdAt, language) })}
                    </p>
                    {answer.status === 'ACCEPTED' && (
                      <OrganiserMessages callId={answer.call.id} language={language} />
                    )}
                  </div>
                </article>
              </li>
            ))}
          </ul>
          <MoreOf query={mine} field="myCallAnswers" />
        </section>
      )}
      <section aria-labelledby="open-calls-title">
        <h2 id="open-calls-title">{t('calls.openTitle')}</h2>
        {!data && <LoadState loading={loading} error={error} onRetry={() => void refetch()} />}
        {data && calls.length === 0 && <p>{t('calls.empty')}</p>}
        <ul className="list-unstyled">
          {calls.map((call) => (
            <li key={call.id} className="mb-4">
              <article className="card card-bg shadow-sm" aria-labelledby={`call-${call.id}`}>
                <div className="card-body">
                  <h3 id={`call-${call.id}`} className="h4">
                    {call.title}
                  </h3>
                  <p>{call.description}</p>
                  <CallFacts call={call} language={language} />
                  {call.categories.length > 0 && (
                    <p className="mb-1">
                      {call.categories.map((category) => t(`categories.${category}`)).join(', ')}
                    </p>
                  )}
                  {call.volunteersWanted !== null && call.volunteersWanted !== undefined && (
                    <p className="mb-2">
                      {t('calls.wanted', { count: call.volunteersWanted, accepted: call.acceptedCount })}
                    </p>
                  )}
                  {answered[call.id] ? (
                    <div className="alert alert-success" role="status">
                      {answered[call.id]}
                    </div>
                  ) : answeredCalls.has(call.id) ? (
                    <p className="alert alert-info">{t('calls.alreadyAnswered')}</p>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-primary"
                      aria-expanded={open === call.id}
                      aria-controls={`call-answer-${call.id}`}
                      aria-label={t('calls.answerLabel', { title: call.title })}
                      onClick={() => setOpen(open === call.id ? null : call.id)}
                    >
                      {t('calls.answerTitle')}
                    </button>
                  )}
                  {open === call.id && !answered[call.id] && (
                    <AnswerForm
                      id={`call-answer-${call.id}`}
                      callId={call.id}
                      places={call.alwaysOpen ? call.places : []}
                      onAnswered={(text) => {
                        setAnswered((current) => ({ ...current, [call.id]: text }));
                        setOpen(null);
                        void mine.refetch();
                      }}
                    />
                  )}
                </div>
              </article>
            </li>
          ))}
        </ul>
        <MoreOf query={{ data, fetchMore }} field="callsToAction" />
      </section>
    </Page>
  );
}

/** What the organisers wrote to the volunteers they accepted (where to meet, what to bring), newest first. */
function OrganiserMessages({ callId, language }: { callId: string; language: string }) {
  const { t } = useVolunteerTranslation();
  const messages = useQuery(CALL_MESSAGES, { variables: { callId }, fetchPolicy: 'cache-and-network' });
  const list = messages.data?.callMessages.items ?? [];
  const headingId = `call-messages-${callId}`;
  return (
    <section aria-labelledby={headingId} className="mt-3">
      <h4 id={headingId} className="h6">
        {t('calls.messagesTitle')}
      </h4>
      {!messages.data && (
        <LoadState
          loading={messages.loading}
          error={messages.error}
          onRetry={() => void messages.refetch()}
        />
      )}
      {messages.data && list.length === 0 && <p className="small mb-0">{t('calls.messagesNone')}</p>}
      <ul className="list-unstyled mb-0" data-testid="call-messages">
        {list.map((message) => (
          <li key={message.id} className="call-message mb-2">
            <p className="mb-1">{message.body}</p>
            <p className="small mb-0">{formatDateTime(message.createdAt, language)}</p>
          </li>
        ))}
      </ul>
      <MoreOf query={messages} field="callMessages" />
    </section>
  );
}

/** When and where a call takes place, and who organises it. */
function CallFacts({ call, language }: { call: Call; language: string }) {
  const { t } = useVolunteerTranslation();
  return (
    <>
      <p className="mb-1">
        {call.alwaysOpen
          ? t('calls.alwaysOpen')
          : call.endsOn === call.startsOn
            ? t('calls.on', { day: formatCalendarDate(call.startsOn, language) })
            : call.endsOn
              ? t('calls.dates', {
                  from: formatCalendarDate(call.startsOn, language),
                  to: formatCalendarDate(call.endsOn, language),
                })
              : t('calls.from', { from: formatCalendarDate(call.startsOn, language) })}
      </p>
      <p className="mb-1">
        <strong>{t('calls.organiser')}:</strong>{' '}
        {call.publisher.kind === 'COMUNE'
          ? t('calls.comune', { name: call.publisher.name })
          : call.publisher.name}
      </p>
      <p className="mb-2">
        <strong>{t('calls.places')}:</strong> {call.places.map((place) => place.name).join(', ')}
      </p>
    </>
  );
}

interface AnswerFormProps {
  id: string;
  callId: string;
  /** Always-open calls let the volunteer say which of their Comuni suit them. */
  places: { istat: string; name: string }[];
  onAnswered: (message: string) => void;
}

function AnswerForm({ id, callId, places, onAnswered }: AnswerFormProps) {
  const { t } = useVolunteerTranslation();
  const [answer, { loading }] = useMutation(ANSWER_CALL);
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    setFailure(null);
    try {
      await answer({
        variables: { input: { callId, comuneIstats: chosen, message: message.trim() || undefined } },
      });
      onAnswered(t('calls.sent'));
    } catch (caught) {
      setFailure((caught as Error).message);
    }
  };

  return (
    <form
      id={id}
      className="mt-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {failure && (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      )}
      {places.length > 1 && (
        <fieldset className="mb-3" aria-describedby={`${id}-areas-hint`}>
          <legend className="h6">{t('calls.areas')}</legend>
          <small id={`${id}-areas-hint`} className="form-text d-block mb-2">
            {t('calls.areasHint')}
          </small>
          {places.map((place) => (
            <div className="form-check" key={place.istat}>
              <input
                className="form-check-input"
                type="checkbox"
                id={`${id}-${place.istat}`}
                checked={chosen.includes(place.istat)}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, place.istat]
                      : current.filter((istat) => istat !== place.istat),
                  )
                }
              />
              <label className="form-check-label" htmlFor={`${id}-${place.istat}`}>
                {place.name}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <div className="form-group">
        <label htmlFor={`${id}-message`} className="active">
          {t('calls.message')}
        </label>
        <textarea
          id={`${id}-message`}
          className="form-control"
          rows={3}
          maxLength={1000}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={loading}>
        {t('calls.send')}
      </button>
    </form>
  );
}
