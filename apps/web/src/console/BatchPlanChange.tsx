import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { problemsOf } from '../api/errors';
import { ChoiceGroup } from '../forms/controls';
import { ErrorSummary, Unreachable, useServerErrors } from '../forms';
import { graphql } from '../gql';
import type { EditBatchPlanEntryMutation } from '../gql/graphql';
import { useTranslation } from '../i18n';
import { showConsoleApiError } from './api-problems';
import { kilometres } from './batch';
import { QueryState } from './fields';

const CANDIDATES = graphql(`
  query BatchPlanCandidates($runId: ID!, $needId: ID!) {
    batchPlanCandidates(runId: $runId, needId: $needId) {
      helperKind
      helperUserId
      organisationId
      helperName
      meters
      alreadyAsked
      current
      otherNeeds
    }
  }
`);

const EDIT = graphql(`
  mutation EditBatchPlanEntry($input: EditBatchPlanEntryInput!) {
    editBatchPlanEntry(input: $input) {
      run {
        ...BatchRunFields
      }
      entry {
        ...BatchPlanEntryFields
      }
    }
  }
`);

export type ChangedEntry = EditBatchPlanEntryMutation['editBatchPlanEntry']['entry'];

const NOBODY = 'none';
/** A candidate as one radio value: the organisation when there is one, the volunteer otherwise. */
export const batchHelperKey = (helperUserId: string, organisationId: string | null | undefined) =>
  organisationId ? `o-${organisationId}` : `v-${helperUserId}`;

/**
 * The change of one need of a plan: the helpers who could take it (the api lists only those
 * eligible and free with the rest of the plan), or nobody; saved with the api's field errors shown.
 */
export function BatchPlanChange({
  runId,
  needId,
  title,
  current,
  onDone,
  onPlanClosed,
  onCancel,
}: {
  runId: string;
  needId: string;
  /** The need and its time, as the row shows them. */
  title: string;
  current: string | null;
  onDone: (entry: ChangedEntry) => void;
  /** The plan was published (or failed) meanwhile: the page reloads it and says so (the message). */
  onPlanClosed: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, language } = useTranslation();
  const errors = useServerErrors();
  const heading = useRef<HTMLHeadingElement>(null);
  const [selected, setSelected] = useState(current ?? NOBODY);
  const candidates = useQuery(CANDIDATES, { variables: { runId, needId }, fetchPolicy: 'network-only' });
  const [edit, { loading: saving }] = useMutation(EDIT);
  useEffect(() => heading.current?.focus(), []);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    const [kind, id] = [selected.slice(0, 1), selected.slice(2)];
    // The api's error goes beside the group and links to the helper chosen.
    const field = `planChange-${selected}`;
    try {
      const result = await edit({
        variables: {
          input: {
            runId,
            needId,
            helperUserId: kind === 'v' ? id : null,
            organisationId: kind === 'o' ? id : null,
          },
        },
      });
      errors.clear();
      const entry = result.data?.editBatchPlanEntry.entry;
      if (entry) onDone(entry);
    } catch (error) {
      // Nothing here can be changed any more: the page shows the plan as it is now.
      if (problemsOf(error).some((problem) => problem.code === 'BATCH_PLAN_NOT_EDITABLE')) {
        onPlanClosed(t('console.apiErrors.BATCH_PLAN_NOT_EDITABLE'));
        return;
      }
      showConsoleApiError(
        errors,
        error,
        { helperUserId: field, organisationId: field, needId: field, runId: field },
        'console.batch.errors',
      );
    }
  }

  const list = candidates.data?.batchPlanCandidates ?? [];
  const choices = [
    ...list.map((candidate) => {
      const notes = [
        t(`console.batch.kind.${candidate.helperKind}`),
        candidate.current ? t('console.batch.current') : '',
        candidate.alreadyAsked ? t('console.batch.alreadyAsked') : '',
        candidate.otherNeeds ? t('console.batch.otherNeeds', { count: candidate.otherNeeds }) : '',
      ].filter(Boolean);
      return {
        value: batchHelperKey(candidate.helperUserId, candidate.organisationId),
        label: (
          <>
            {t('console.batch.candidate', {
              name: candidate.helperName,
              km: kilometres(candidate.meters, language),
            })}
            <span className="d-block small">{notes.join(' · ')}</span>
          </>
        ),
      };
    }),
    { value: NOBODY, label: t('console.batch.removeChoice') },
  ];

  return (
    <form noValidate className="batch-change readable" onSubmit={(event) => void save(event)}>
      <h3 ref={heading} tabIndex={-1} className="h5">
        {t('console.batch.changeLegend', { need: title })}
      </h3>
      <ErrorSummary errors={errors} />
      {errors.unreachable ? <Unreachable onRetry={() => void save()} /> : null}
      <QueryState query={candidates} />
      {candidates.data ? (
        <>
          {list.length ? null : <p>{t('console.batch.noCandidates')}</p>}
          <ChoiceGroup
            id="planChange"
            legend={t('console.batch.helper')}
            hint={t('console.batch.changeHint')}
            error={errors.byField[`planChange-${selected}`]}
            type="radio"
            choices={choices}
            selected={[selected]}
            onToggle={(value, checked) => checked && setSelected(value)}
          />
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving}>
              {saving ? t('state.loading') : t('console.batch.saveChange')}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
              {t('console.batch.cancelChange')}
            </button>
          </div>
        </>
      ) : null}
    </form>
  );
}
