import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { useVolunteerTranslation } from '../i18n';
import { Link, useLocation } from 'react-router';
import { Page } from '../../layout/Page';
import { ADD_AVAILABILITY_WINDOW, MY_AVAILABILITY, REMOVE_AVAILABILITY_WINDOW } from '../operations';
import { formatCalendarDate, formatDateTime, formatNumber } from '../format';
import { VOLUNTEER_PATHS } from '../paths';
import { ActionStatus, type Status } from '../../layout/ActionStatus';
import { LoadState, NeedProfile } from '../states';
import { AddWindowForms } from './AddWindowForms';
import { WeekGridEditor } from './WeekGridEditor';
import {
  gridFromWindows,
  planGridSave,
  weeklyHoursOf,
  windowsFromGrid,
  type RecurringWindow,
  type WeekGrid,
} from './week-grid';

/** The volunteer's availability: the typical week as a grid, the same windows as a list, and exact additions. */
export default function AvailabilityPage() {
  const { t, tApp, i18n } = useVolunteerTranslation();
  const location = useLocation();
  const arrivedWith = (location.state as { flash?: string } | null)?.flash;
  const { data, loading, error, refetch } = useQuery(MY_AVAILABILITY, { fetchPolicy: 'cache-and-network' });
  const [addWindow] = useMutation(ADD_AVAILABILITY_WINDOW);
  const [removeWindow] = useMutation(REMOVE_AVAILABILITY_WINDOW);
  const [grid, setGrid] = useState<WeekGrid | null>(null);
  const [status, setStatus] = useState<Status | null>(
    arrivedWith ? { kind: 'success', text: arrivedWith } : null,
  );
  const [saving, setSaving] = useState(false);

  const windows = useMemo(() => data?.myAvailability ?? [], [data]);
  const recurring: RecurringWindow[] = useMemo(
    () =>
      windows
        .filter((window) => window.kind === 'RECURRING')
        .map((window) => ({
          id: window.id,
          dayOfWeek: window.dayOfWeek ?? 1,
          start: window.start ?? '00:00',
          end: window.end ?? '00:00',
          validFrom: window.validFrom,
          validUntil: window.validUntil,
        })),
    [windows],
  );
  const saved = useMemo(() => gridFromWindows(recurring), [recurring]);
  // The grid shows the saved week until the volunteer changes it.
  useEffect(() => setGrid(null), [saved]);
  const shown = grid ?? saved.grid;
  const changed =
    grid !== null &&
    (planGridSave(recurring, grid).add.length > 0 || planGridSave(recurring, grid).remove.length > 0);

  const weeklyHours = weeklyHoursOf([...windowsFromGrid(shown), ...saved.offGrid]);
  const limit = data?.myVolunteerProfile?.weeklyHourLimit ?? null;

  const save = async () => {
    if (!grid) return;
    const plan = planGridSave(recurring, grid);
    setSaving(true);
    setStatus(null);
    try {
      // Additions first: a failure half-way leaves more availability, never less than before.
      for (const recurringInput of plan.add)
        await addWindow({ variables: { input: { recurring: recurringInput } } });
      for (const id of plan.remove) await removeWindow({ variables: { id } });
      setStatus({ kind: 'success', text: t('availability.saved') });
    } catch (failure) {
      setStatus({ kind: 'danger', text: (failure as Error).message });
    } finally {
      setSaving(false);
      await refetch();
    }
  };

  const remove = async (id: string) => {
    setStatus(null);
    try {
      await removeWindow({ variables: { id } });
      setStatus({ kind: 'success', text: t('availability.removed') });
    } catch (failure) {
      setStatus({ kind: 'danger', text: (failure as Error).message });
    }
    await refetch();
  };

  if (!data || !data.myVolunteerProfile) {
    return (
      <Page title={t('availability.title')}>
        <LoadState loading={loading} error={error} onRetry={() => void refetch()} />
        {data && !data.myVolunteerProfile && <NeedProfile />}
      </Page>
    );
  }

  const describe = (window: (typeof windows)[number]) => {
    if (window.kind === 'RECURRING') {
      const base = t('availability.weekly', {
        day: tApp(`weekday.d${window.dayOfWeek}`),
        from: window.start,
        to: window.end === '24:00' ? '24:00' : window.end,
      });
      return window.validUntil
        ? `${base}, ${t('availability.weeklyUntil', { date: formatCalendarDate(window.validUntil, i18n.language) })}`
        : base;
    }
    return t('availability.oneOff', {
      from: formatDateTime(window.startsAt as string, i18n.language),
      to: formatDateTime(window.endsAt as string, i18n.language),
    });
  };

  return (
    <Page title={t('availability.title')} lead={t('availability.lead')}>
      <ActionStatus status={status} />

      <section aria-labelledby="availability-grid-title" className="mb-5">
        <h2 id="availability-grid-title">{t('availability.gridTitle')}</h2>
        <WeekGridEditor value={shown} onChange={setGrid} />
        <p className="mt-3" data-testid="weekly-hours">
          {t('availability.weeklySummary', { hours: formatNumber(weeklyHours, i18n.language) })}
        </p>
        {limit !== null && weeklyHours > limit && (
          <div className="alert alert-warning" role="status">
            <p className="mb-1">{t('availability.overLimit', { limit })}</p>
            <Link to={`${VOLUNTEER_PATHS.profile}#weeklyHourLimit`}>{t('availability.changeLimit')}</Link>
          </div>
        )}
        <div className="d-flex flex-wrap align-items-center gap-3">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void save()}
            disabled={saving || !changed}
          >
            {t('availability.save')}
          </button>
          {changed && <span className="text-warning-emphasis">{t('availability.unsaved')}</span>}
        </div>
      </section>

      <section aria-labelledby="availability-list-title" className="mb-5">
        <h2 id="availability-list-title">{t('availability.listTitle')}</h2>
        <p>{t('availability.listLead')}</p>
        {windows.length === 0 ? (
          <p>{t('availability.emptyList')}</p>
        ) : (
          <ul className="list-group mb-4" data-testid="availability-list">
            {windows.map((window) => (
              <li
                key={window.id}
                className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2"
              >
                <span>{describe(window)}</span>
                <button
                  type="button"
                  className="btn btn-outline-danger btn-sm"
                  aria-label={t('availability.removeLabel', { what: describe(window) })}
                  onClick={() => void remove(window.id)}
                >
                  {t('availability.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <AddWindowForms
          onAdded={async (text) => {
            setStatus({ kind: 'success', text });
            await refetch();
          }}
        />
      </section>
    </Page>
  );
}
