import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiForm, Checkbox, Field, type FormError, useServerErrors } from '../../forms';
import { HELP_CATEGORIES } from '../../categories';
import { ChoiceGroup } from '../../forms/controls';
import type { HelpCategory, ModerationStatus, PublisherCallFieldsFragment } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { SuccessNotice } from '../../layout/ActionStatus';
import { showConsoleApiError } from '../api-problems';
import { ConfirmButtons, StatusTag, TextAreaField } from '../fields';
import { formatDate } from '../format';
import '../organisation/messages';
import { MODERATION_TONE } from '../organisation/Offers';
import { MessagesToAccepted } from './MessagesToAccepted';
import { ActionStatus, MoreOf, QueryState, useActionStatus } from '../organisation/states';
import {
  ACCEPT_CALL_ANSWER,
  CALL_ANSWERS,
  CLOSE_CALL,
  DECLINE_CALL_ANSWER,
  PUBLISH_CALL,
} from './operations';

// An organisation's calls for volunteers and the Comune's own: the same form, list and decisions
// (their words in the "ets" namespace, which both pages load).

export type PublisherCall = PublisherCallFieldsFragment;

// The error summary links to a choice group's first box.
const CATEGORIES_ID = `call-categories-${HELP_CATEGORIES[0]}`;

// The api's field names -> this form's inputs.
const FIELD_IDS: Record<string, string> = {
  title: 'call-title',
  description: 'call-description',
  startsOn: 'call-starts',
  endsOn: 'call-ends',
  volunteersWanted: 'call-wanted',
  categories: CATEGORIES_ID,
};

/** A day as the api writes it ("2026-12-05") in words: "5 dicembre 2026". */
const day = (isoDay: string, language: string) => formatDate(`${isoDay}T12:00:00Z`, language);

export function NewCall({
  places,
  organisationId,
  onPublished,
}: {
  /** The Comuni the call may name. */
  places: readonly { istat: string; name: string }[];
  /** The publishing organisation; none for the Comune's own call. */
  organisationId?: string;
  onPublished: (title: string) => void;
}) {
  const { t } = useTranslation();
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
            organisationId: organisationId ?? null,
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
          error={errors.byField[CATEGORIES_ID]}
          choices={HELP_CATEGORIES.map((value) => ({ value, label: t(`console.category.${value}`) }))}
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

/**
 * The publisher's calls: each with its state, the Comune's check and the answers to decide; those
 * who decide (`canDecide`) read the answers and close the call. `listQuery` is the list's
 * operation, fetched again after a decision.
 */
export function PublisherCallList({
  query,
  items,
  listQuery,
  canDecide,
  published,
  note,
  more,
}: {
  query: Parameters<typeof QueryState>[0]['query'];
  items: readonly PublisherCall[];
  listQuery: string;
  canDecide: boolean;
  published: string | null;
  note?: string;
  more: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="calls-title" className="mb-5">
      <h2 id="calls-title">{t('ets.calls.listTitle')}</h2>
      <SuccessNotice text={published} />
      <QueryState query={query} />
      {query.data && !items.length ? <p>{t('ets.calls.none')}</p> : null}
      {note ? <p className="small">{note}</p> : null}
      <ul className="list-unstyled ets-list" data-testid="calls">
        {items.map((call) => (
          <CallItem key={call.id} call={call} admin={canDecide} listQuery={listQuery} />
        ))}
      </ul>
      {more}
    </section>
  );
}

function CallItem({ call, admin, listQuery }: { call: PublisherCall; admin: boolean; listQuery: string }) {
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
          {call.endsOn === call.startsOn
            ? t('ets.calls.periodOn', { day: day(call.startsOn, language) })
            : call.endsOn
              ? t('ets.calls.periodTo', {
                  from: day(call.startsOn, language),
                  to: day(call.endsOn, language),
                })
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
        <div id={`${headingId}-answers`}>
          {admin && open ? <Answers call={call} listQuery={listQuery} /> : null}
        </div>
      </article>
    </li>
  );
}

/** Who answered a call, oldest first: accept (up to the number wanted) or not. */
function Answers({ call, listQuery }: { call: PublisherCall; listQuery: string }) {
  const { t, language } = useTranslation();
  const answers = useQuery(CALL_ANSWERS, {
    variables: { callId: call.id },
    fetchPolicy: 'cache-and-network',
  });
  // The call's counts change with each decision.
  const [accept] = useMutation(ACCEPT_CALL_ANSWER, { refetchQueries: [listQuery] });
  const [decline] = useMutation(DECLINE_CALL_ANSWER, { refetchQueries: [listQuery] });
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
      {call.acceptedCount > 0 ? <MessagesToAccepted call={call} /> : null}
    </section>
  );
}
