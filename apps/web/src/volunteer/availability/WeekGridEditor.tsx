import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useVolunteerTranslation } from '../i18n';
import {
  clockOf,
  GRID_END_HOUR,
  GRID_FIRST_HOUR,
  GRID_HOURS,
  isTicked,
  moveFocus,
  toggleCell,
  WEEK_DAYS,
  type GridPosition,
  type WeekGrid,
} from './week-grid';

interface WeekGridEditorProps {
  value: WeekGrid;
  onChange: (next: WeekGrid) => void;
}

/**
 * The typical week as an ARIA grid of toggle buttons: one tab stop (roving tabindex), arrows and
 * Home/End/PageUp/PageDown move, Space or Enter (the buttons' own keys) tick an hour. Touch and
 * mouse press the same buttons.
 */
export function WeekGridEditor({ value, onChange }: WeekGridEditorProps) {
  const { t, tApp } = useVolunteerTranslation();
  const captionId = useId();
  const helpId = useId();
  const [focus, setFocus] = useState<GridPosition>({ day: 1, hour: 9 });
  const cells = useRef(new Map<string, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const next = moveFocus(focus, event.key, event.ctrlKey || event.metaKey);
    if (!next) return;
    event.preventDefault();
    setFocus(next);
    cells.current.get(`${next.day}:${next.hour}`)?.focus();
  };

  return (
    <div className="week-grid-wrapper">
      <p id={helpId} className="mb-2">
        {t('availability.gridHelp')}
      </p>
      <table
        role="grid"
        className="week-grid"
        aria-labelledby={captionId}
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
      >
        <caption id={captionId}>
          {t('availability.gridCaption', {
            from: clockOf(GRID_FIRST_HOUR * 60),
            to: clockOf(GRID_END_HOUR * 60),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="week-grid-hour">
              {t('availability.hour')}
            </th>
            {WEEK_DAYS.map((day) => (
              <th scope="col" key={day}>
                <abbr title={tApp(`weekday.d${day}`)}>{t(`daysShort.${day}`)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {GRID_HOURS.map((hour) => (
            <tr key={hour}>
              <th scope="row" className="week-grid-hour">
                {clockOf(hour * 60)}
              </th>
              {WEEK_DAYS.map((day) => {
                const ticked = isTicked(value, day, hour);
                const focused = focus.day === day && focus.hour === hour;
                return (
                  <td key={day}>
                    <button
                      type="button"
                      ref={(element) => {
                        if (element) cells.current.set(`${day}:${hour}`, element);
                        else cells.current.delete(`${day}:${hour}`);
                      }}
                      className={ticked ? 'week-grid-cell is-free' : 'week-grid-cell'}
                      tabIndex={focused ? 0 : -1}
                      aria-pressed={ticked}
                      aria-label={t('availability.cellLabel', {
                        day: tApp(`weekday.d${day}`),
                        from: clockOf(hour * 60),
                        to: clockOf((hour + 1) * 60),
                      })}
                      data-day={day}
                      data-hour={hour}
                      onFocus={() => setFocus({ day, hour })}
                      onClick={() => onChange(toggleCell(value, day, hour))}
                    >
                      <span aria-hidden="true">{ticked ? '✓' : ''}</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
