import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import {
  formatDate,
  formatEuros,
  formatLongDate,
  formatTime,
  parseDate,
  parseEuros,
  parseTime,
} from '../datetime';
import { useCitizenTranslation } from '../i18n';
import { CITIZEN_PATHS } from '../paths';
import type { Clock, NeedDraft, StepId } from './need-draft';

interface Row {
  key: string;
  label: string;
  value: ReactNode;
  step: StepId;
}

function time(text: string | undefined): string {
  const parsed = parseTime(text ?? '', { allowMidnightEnd: true });
  return parsed ? formatTime(parsed) : (text ?? '');
}

/** "Controlla le risposte": every answer with a link back to change it, then the send button. */
export function CheckAnswers(props: {
  draft: NeedDraft;
  clock: Clock;
  sending: boolean;
  onSend: (event: FormEvent) => void;
}) {
  const { t, language } = useCitizenTranslation();
  const { draft, clock } = props;
  const day = (text: string | undefined) => {
    const parsed = parseDate(text ?? '', clock.today);
    return parsed ? formatLongDate(parsed, language) : (text ?? '');
  };
  const rows: Row[] = [
    {
      key: 'category',
      label: t('new.riepilogo.category'),
      value: t(`categories.${draft.category}`),
      step: 'categoria',
    },
    {
      key: 'forWhom',
      label: t('new.riepilogo.forWhom'),
      value:
        draft.forWhom === 'RELATIVE'
          ? t('new.riepilogo.relative', {
              name: draft.relativeName,
              relationship: draft.relativeRelationship,
            })
          : t('new.perChi.self'),
      step: 'per-chi',
    },
  ];
  const place = [
    draft.address?.trim(),
    draft.comune ? `${draft.comune.name} (${draft.comune.provinceCode})` : '',
  ]
    .filter(Boolean)
    .join(', ');
  if (draft.category === 'RIDES_AND_ACCOMPANIMENT') {
    rows.push(
      { key: 'pickup', label: t('new.riepilogo.pickup'), value: place, step: 'luogo' },
      {
        key: 'destination',
        label: t('new.riepilogo.destination'),
        value: [draft.destinationPlace, draft.destinationComune?.name].filter(Boolean).join(', '),
        step: 'destinazione',
      },
      {
        key: 'appointment',
        label: t('new.riepilogo.appointment'),
        value: `${day(draft.appointmentDate)}, ${time(draft.appointmentTime)}`,
        step: 'appuntamento',
      },
      {
        key: 'return',
        label: t('new.riepilogo.return'),
        value:
          draft.returnTrip === 'YES'
            ? t('new.riepilogo.returnAt', { time: time(draft.returnTime) })
            : t('new.riepilogo.noReturn'),
        step: 'ritorno',
      },
      {
        key: 'trip',
        label: t('new.riepilogo.trip'),
        value: [
          t('new.riepilogo.passengers', { count: Number(draft.passengers || '1') }),
          draft.wheelchair ? t('new.riepilogo.wheelchair') : '',
          draft.escortWaits ? t('new.riepilogo.escortWaits') : '',
        ]
          .filter(Boolean)
          .join(', '),
        step: 'viaggio',
      },
    );
  } else if (draft.category === 'SHARED_CAREGIVER') {
    const maxPrice = draft.maxPricePerHour?.trim() ? parseEuros(draft.maxPricePerHour) : null;
    const end = draft.endDay?.trim() ? parseDate(draft.endDay, clock.today) : null;
    rows.push(
      { key: 'place', label: t('new.riepilogo.place'), value: place, step: 'luogo' },
      {
        key: 'schedule',
        label: t('new.riepilogo.schedule'),
        value: (
          <ul className="list-unstyled mb-0">
            {(draft.weeklySlots ?? []).map((slot, index) => (
              <li key={index}>
                {t(`weekdays.${slot.dayOfWeek}`)}, {time(slot.start)}–{time(slot.end)}
              </li>
            ))}
          </ul>
        ),
        step: 'orari',
      },
      {
        key: 'sharing',
        label: t('new.riepilogo.sharing'),
        value: [
          draft.willingToShare === 'YES' ? t('new.riepilogo.yes') : t('new.riepilogo.no'),
          maxPrice !== null ? t('new.riepilogo.maxPrice', { price: formatEuros(maxPrice, language) }) : '',
        ]
          .filter(Boolean)
          .join(', '),
        step: 'condivisione',
      },
      {
        key: 'period',
        label: t('new.riepilogo.period'),
        value: end
          ? t('new.riepilogo.periodFromTo', { from: day(draft.startDay), to: formatDate(end, language) })
          : t('new.riepilogo.periodFrom', { from: day(draft.startDay) }),
        step: 'periodo',
      },
    );
  } else {
    rows.push(
      { key: 'place', label: t('new.riepilogo.place'), value: place, step: 'luogo' },
      {
        key: 'when',
        label: t('new.riepilogo.when'),
        value: t('new.riepilogo.whenValue', {
          day: day(draft.day),
          from: time(draft.fromTime),
          to: time(draft.toTime),
        }),
        step: 'quando',
      },
    );
  }
  rows.push(
    {
      key: 'description',
      label: t('new.riepilogo.description'),
      value: draft.description,
      step: 'descrizione',
    },
    {
      key: 'health',
      label: t('new.riepilogo.health'),
      value: draft.healthNotes === 'YES' ? draft.sensitiveNotes : t('new.riepilogo.healthNone'),
      step: 'salute',
    },
  );

  return (
    <>
      <p>{t('new.riepilogo.intro')}</p>
      <dl className="check-answers border-top mb-4">
        {rows.map((row) => (
          <div key={row.key} className="row border-bottom py-3 mx-0">
            <dt className="col-12 col-md-4 ps-0">{row.label}</dt>
            <dd className="col-12 col-md-6 ps-0 mb-1 mb-md-0 text-break">{row.value}</dd>
            <dd className="col-12 col-md-2 ps-0 mb-0 text-md-end">
              <Link to={`${CITIZEN_PATHS.newNeed}/${row.step}?da=riepilogo`}>
                {t('new.change')}
                <span className="visually-hidden"> {row.label.toLowerCase()}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <form noValidate onSubmit={props.onSend}>
        <button
          type="submit"
          className="btn btn-primary btn-lg"
          disabled={props.sending}
          aria-disabled={props.sending}
        >
          {props.sending ? t('new.riepilogo.sending') : t('new.riepilogo.submit')}
        </button>
      </form>
    </>
  );
}
