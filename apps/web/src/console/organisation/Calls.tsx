import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { ApiForm, Checkbox, Field, type FormError, useServerErrors } from '../../forms';
import { ChoiceGroup } from '../../forms/controls';
import type { EtsCallsQuery, HelpCategory, ModerationStatus } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { showConsoleApiError } from '../api-problems';
import { ConfirmButtons, StatusTag, TextAreaField } from '../fields';
import { formatDate } from '../format';
import { MODERATION_TONE } from './Offers';
import { organisationSection, type OrganisationSummary, useOrganisationRole } from './OrganisationFrame';
import {
  ACCEPT_CALL_ANSWER,
  AREA_COMUNI,
  CALL_ANSWERS,
  CLOSE_CALL,
  DECLINE_CALL_ANSWER,
  ORGANISATION_CALLS,
  PUBLISH_CALL,
} from './operations';
import { SuccessNotice } from '../../layout/ActionStatus';
import { ActionStatus, MoreOf, QueryState, useActionStatus } from './states';

const CATEGORIES: HelpCategory[] = [
  'COMPANIONSHIP',
  'RIDES_AND_ACCOMPANIMENT',
  'SHOPPING_AND_DELIVERY',
  'HOME_HELP',
  'DIGITAL_HELP',
  'CHILDCARE',
  'HOUSING',
  'JOB_INCLUSION',
  'SHARED_CAREGIVER',
  'OTHER',
];

// The api's field names -> this form's inputs.
const FIELD_IDS: Record<string, string> = {
  title: 'call-title',
  description: 'call-description',
  startsOn: 'call-starts',
  endsOn: 'call-ends',
  volunteersWanted: 'call-wanted',
  categories: 'call-categories-COMPANIONSHIP',
};

/** A day as the api writes it ("2026-12-05") in words: "5 dicembre 2026". */
const day = (isoDay: string, language: string) => formatDate(`${isoDay}T12:00:00Z`, language);

/** The organisation's calls for volunteers: publish one (admins), follow the Comune's check, read and decide the answers. */
export default organisationSection('calls', CallsOf);

type Call = EtsCallsQuery['organisationCallsToAction']['items'][number];

function CallsOf({ organisation }: { organisation: OrganisationSummary }) {
  const { t } = useTranslation();
  const admin = useOrganisationRole(organisation.id) === 'ADMIN';
  const calls = useQuery(ORGANISATION_CALLS, {
    variables: { organisationId: organisation.id },
    fetchPolicy: 'cache-and-network',
  });
  const [published, setPublished] = useState<string | null>(null);
  const list = calls.data?.organisationCallsToAction.items ?? [];
  return (
    <>
      {admin ? (
        <NewCall
          organisation={organisation}
          onPublished={(title) => {
            setPublished(t('ets.calls.published', { title }));
            void calls.refetch();
          }}
        />
      ) : null}
      <section aria-labelledby="calls-title" className="mb-5">
        <h2 id="calls-title">{t('ets.calls.listTitle')}</h2>
        <SuccessNotice text={published} />
        <QueryState query={calls} />
        {calls.data && !list.length ? <p>{t('ets.calls.none')}</p> : null}
        {!admin ? <p className="small">{t('ets.calls.answersAdminOnly')}</p> : null}
        <ul className="list-unstyled ets-list" data-testid="calls">
          {list.map((call) => (
            <CallItem key={call.id} call={call} admin={admin} />
          ))}
        </ul>
        <MoreOf query={calls} field="organisationCallsToAction" />
      </section>
    </>
  );
}

function NewCall({
  organisation,
  onPublished,
}: {
  organisation: OrganisationSummary;
  onPublished: (title: string) => void;
}) {
  const { t } = useTranslation();
  const area = useQuery(AREA_COMUNI, { variables: { istat: organisation.homeComuneIstat } });
  const [publish, publishing] = useMutation(PUBLISH_CALL);
  const errors = useServerErrors();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [categories, setCategories] = useState<HelpCategory[]>([]);
  const [comuni, setComuni] = useState<string[]>([]);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [wanted, setWanted] = useState('');
  const [alwaysOpen, setAlwaysOpen] = useState(false);
  const places = [
    ...new Map(
      (area.data?.territoriesOfComune ?? [])
        .flatMap((territory) => territory.comuni)
        .map((comune) => [comune.istat, comune]),
    ).values(),
  ];

  // The error summary links to a choice group's first box.
  const comuniId = places.length ? `call-comuni-${places[0].istat}` : 'call-comuni';
  const fieldIds = { ...FIELD_IDS, comuneIstats: comuniId };

  async function submit() {
    const problems: FormError[] = [];
    const need = (ok: boolean, fieldId: string, key: string) => {
      if (!ok) problems.push({ fieldId, message: t(`ets.calls.${key}`) });
    };
    need(title.trim().length > 0, 'call-title', 'missingTitle');
    need(description.trim().length > 0, 'call-description', 'missingDescription');
    need(comuni.length > 0, comuniId, 'missingComuni');
    need(alwaysOpen || /^\d+$/.test(wanted.trim()), 'call-wanted', 'missingWanted');
    if (problems.length) {
      errors.show(problems);
      return;
    }
    try {
      await publish({
        variables: {
          input: {
            organisationId: organisation.id,
            title: title.trim(),
            description: description.trim(),
            categories,
            comuneIstats: comuni,
            startsOn: startsOn || null,
            endsOn: alwaysOpen ? null : endsOn || null,
            volunteersWanted: alwaysOpen ? null : Number.parseInt(wanted, 10),
            alwaysOpen,
          },
        },
      });
      errors.clear();
      onPublished(title.trim());
      setTitle('');
      setDescription('');
      setCategories([]);
      setComuni([]);
      setStartsOn('');
      setEndsOn('');
      setWanted('');
      setAlwaysOpen(false);
    } catch (error) {
      showConsoleApiError(errors, error, fieldIds, 'ets.errors');
    }
  }

  const toggle = <T extends string>(list: T[], value: T, checked: boolean) =>
    checked ? [...list, value] : list.filter((item) => item !== value);
  return (
    <section aria-labelledby="new-call-title" className="mb-5 readable">
      <h2 id="new-call-title">{t('ets.calls.newTitle')}</h2>
      <p>{t('ets.calls.newLead')}</p>
      <ApiForm errors={errors} onSubmit={submit}>
        <Field
          id="call-title"
          label={t('ets.calls.titleField')}
          hint={t('ets.calls.titleHint')}
          error={errors.byField['call-title']}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextAreaField
          id="call-description"
          label={t('ets.calls.description')}
          error={errors.byField['call-description']}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
        <ChoiceGroup
          id="call-categories"
          type="checkbox"
          columns
          legend={`${t('ets.calls.categories')} ${t('console.common.optional')}`}
          error={errors.byField['call-categories-COMPANIONSHIP']}
          choices={CATEGORIES.map((value) => ({ value, label: t(`console.category.${value}`) }))}
          selected={categories}
          onToggle={(value, checked) => setCategories(toggle(categories, value as HelpCategory, checked))}
        />
        <ChoiceGroup
          id="call-comuni"
          type="checkbox"
          columns
          legend={t('ets.calls.comuni')}
          error={errors.byField[comuniId]}
          choices={places.map((comune) => ({ value: comune.istat, label: comune.name }))}
          selected={comuni}
          onToggle={(value, checked) => setComuni(toggle(comuni, value, checked))}
        />
        <Checkbox
          id="call-always-open"
          label={t('ets.calls.alwaysOpen')}
          checked={alwaysOpen}
          onChange={(event) => setAlwaysOpen(event.target.checked)}
        />
        <div className="d-flex flex-wrap gap-3">
          <Field
            id="call-starts"
            type="date"
            label={`${t('ets.calls.startsOn')} ${t('console.common.optional')}`}
            error={errors.byField['call-starts']}
            value={startsOn}
            onChange={(event) => setStartsOn(event.target.value)}
          />
          {!alwaysOpen ? (
            <Field
              id="call-ends"
              type="date"
              label={`${t('ets.calls.endsOn')} ${t('console.common.optional')}`}
              error={errors.byField['call-ends']}
              value={endsOn}
              onChange={(event) => setEndsOn(event.target.value)}
            />
          ) : null}
        </div>
        {!alwaysOpen ? (
          <Field
            id="call-wanted"
            type="number"
            min={1}
            inputMode="numeric"
            label={t('ets.calls.wanted')}
            error={errors.byField['call-wanted']}
            value={wanted}
            onChange={(event) => setWanted(event.target.value)}
          />
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={publishing.loading}>
          {t('ets.calls.submit')}
        </button>
      </ApiForm>
    </section>
  );
}

function CallItem({ call, admin }: { call: Call; admin: boolean }) {
  const { t, language } = useTranslation();
  const [open, setOpen] = useState(false);
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const [closeCall, closeState] = useMutation(CLOSE_CALL);
  const action = useActionStatus();
  const headingId = `call-${call.id}`;

  async function close(event: FormEvent) {
    event.preventDefault();
    action.clear();
    try {
      await closeCall({ variables: { input: { callId: call.id, reason: reason.trim() || null } } });
      setClosing(false);
      setReason('');
      action.done(t('ets.calls.closed', { title: call.title }));
    } catch (error) {
      action.failed(error);
    }
  }

  return (
    <li className="ets-item">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="h4 mb-1">
          {call.title}
        </h3>
        <p className="mb-1 d-flex flex-wrap gap-2 align-items-center">
          <StatusTag tone={call.status === 'OPEN' ? 'success' : 'neutral'}>
            {t(`ets.calls.status.${call.status}`)}
          </StatusTag>
          {call.moderationStatus ? (
            <StatusTag tone={MODERATION_TONE[call.moderationStatus as ModerationStatus]}>
              {t(`ets.calls.moderation.${call.moderationStatus}`)}
            </StatusTag>
          ) : null}
        </p>
        <p className="mb-1">
          {call.places.map((place) => place.name).join(', ')} ·{' '}
          {call.endsOn
            ? t('ets.calls.periodTo', { from: day(call.startsOn, language), to: day(call.endsOn, language) })
            : t('ets.calls.period', { from: day(call.startsOn, language) })}
        </p>
        <p className="mb-1">
          {call.volunteersWanted
            ? t('ets.calls.accepted', { accepted: call.acceptedCount, wanted: call.volunteersWanted })
            : t('ets.calls.acceptedOpen', { accepted: call.acceptedCount })}
          {call.pendingAnswerCount ? (
            <>
              {' · '}
              <strong>{t('ets.calls.pendingAnswers', { count: call.pendingAnswerCount })}</strong>
            </>
          ) : null}
        </p>
        {call.closedAt ? (
          <p className="small mb-1">
            {t('ets.calls.closedOn', { date: formatDate(call.closedAt, language) })}
          </p>
        ) : null}
        <ActionStatus status={action.status} />
        {admin && closing ? (
          <form
            className="ets-confirm mt-2 readable"
            noValidate
            aria-label={t('ets.calls.closeOf', { title: call.title })}
            onSubmit={(event) => void close(event)}
          >
            <p className="mb-2">{t('ets.calls.closeWarning')}</p>
            <TextAreaField
              id={`${headingId}-close-reason`}
              label={`${t('ets.calls.closeReason')} ${t('console.common.optional')}`}
              hint={t('ets.calls.closeHint')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <ConfirmButtons
              confirmText={t('ets.calls.closeConfirm')}
              tone="danger"
              small
              busy={closeState.loading}
              onCancel={() => setClosing(false)}
            />
          </form>
        ) : null}
        {admin && !closing ? (
          <div className="d-flex flex-wrap gap-2 mt-2">
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              aria-expanded={open}
              aria-controls={`${headingId}-answers`}
              aria-describedby={headingId}
              onClick={() => setOpen(!open)}
            >
              {t(open ? 'ets.calls.hideAnswers' : 'ets.calls.showAnswers')}
            </button>
            {call.status === 'OPEN' ? (
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                aria-label={t('ets.calls.closeOf', { title: call.title })}
                onClick={() => {
                  action.clear();
                  setReason('');
                  setClosing(true);
                }}
              >
                {t('ets.calls.close')}
              </button>
            ) : null}
          </div>
        ) : null}
        <div id={`${headingId}-answers`}>{admin && open ? <Answers call={call} /> : null}</div>
      </article>
    </li>
  );
}

/** Who answered a call, oldest first: accept (up to the number wanted) or not. */
function Answers({ call }: { call: Call }) {
  const { t, language } = useTranslation();
  const answers = useQuery(CALL_ANSWERS, {
    variables: { callId: call.id },
    fetchPolicy: 'cache-and-network',
  });
  const [accept] = useMutation(ACCEPT_CALL_ANSWER, { refetchQueries: ['EtsCalls'] });
  const [decline] = useMutation(DECLINE_CALL_ANSWER);
  const [busy, setBusy] = useState<string | null>(null);
  const action = useActionStatus();
  const list = answers.data?.callAnswers.items ?? [];

  async function decide(id: string, name: string, accepting: boolean) {
    setBusy(id);
    action.clear();
    try {
      if (accepting) await accept({ variables: { id } });
      else await decline({ variables: { id } });
      action.done(t(accepting ? 'ets.calls.answerAccepted' : 'ets.calls.answerDeclined', { name }));
    } catch (error) {
      action.failed(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-label={t('ets.calls.answersOf', { title: call.title })} className="mt-3">
      <QueryState query={answers} />
      <ActionStatus status={action.status} />
      {answers.data && !list.length ? <p>{t('ets.calls.answersNone')}</p> : null}
      <ul className="list-unstyled">
        {list.map((answer) => {
          const answerId = `answer-${answer.id}`;
          return (
            <li key={answer.id} className="ets-confirm mb-3">
              <h4 id={answerId} className="h6 mb-1">
                {answer.volunteer.displayName} ({answer.volunteer.comuneName})
              </h4>
              <p className="mb-1 d-flex flex-wrap gap-2 align-items-center">
                <StatusTag
                  tone={
                    answer.status === 'ACCEPTED'
                      ? 'success'
                      : answer.status === 'PENDING'
                        ? 'info'
                        : 'neutral'
                  }
                >
                  {t(`ets.calls.answerStatus.${answer.status}`)}
                </StatusTag>
                <span className="small">
                  {t('ets.calls.answeredOn', { date: formatDate(answer.createdAt, language) })}
                </span>
              </p>
              <p className="mb-1">{answer.message ? `«${answer.message}»` : t('ets.calls.noMessage')}</p>
              {answer.volunteer.skills.length ? (
                <p className="small mb-1">
                  {t('ets.calls.skills', { skills: answer.volunteer.skills.join(', ') })}
                </p>
              ) : null}
              {answer.status === 'PENDING' ? (
                <div className="d-flex flex-wrap gap-2 mt-2">
                  <button
                    type="button"
                    className="btn btn-primary btn-sm"
                    aria-describedby={answerId}
                    disabled={busy !== null}
                    onClick={() => void decide(answer.id, answer.volunteer.displayName, true)}
                  >
                    {t('ets.calls.acceptAnswer')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-outline-secondary btn-sm"
                    aria-describedby={answerId}
                    disabled={busy !== null}
                    onClick={() => void decide(answer.id, answer.volunteer.displayName, false)}
                  >
                    {t('ets.calls.declineAnswer')}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <MoreOf query={answers} field="callAnswers" />
    </section>
  );
}
