import { useId } from 'react';
import { TableScroll } from './fields';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

const COLOURS = ['#0066cc', '#b34700', '#00664d'];
const HEIGHT = 180;
const LABEL_SPACE = 28;
const LABEL_LINE = 14;

/** A category's label in lines of about `width` characters: long labels (reasons) do not overlap. */
export function labelLines(label: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + word.length + 1 <= width) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Whether there is anything to draw: at least one category with a value other than none or zero. */
export function hasData(categories: readonly string[], series: readonly ChartSeries[]): boolean {
  return (
    categories.length > 0 && series.some((item) => item.values.some((value) => value !== null && value !== 0))
  );
}

/**
 * A bar chart of our own (SVG, no other origin) that is always followed by the same figures as a
 * table with a caption: screen readers and people who prefer numbers read the table.
 */
export function BarChart({
  caption,
  note,
  categoryHeader,
  categories,
  series,
  format,
  empty,
}: {
  caption: string;
  note: string;
  /** What the chart says instead when there is nothing to draw (and what to do about it). */
  empty: string;
  categoryHeader: string;
  categories: string[];
  series: ChartSeries[];
  format: (value: number) => string;
}) {
  const id = useId();
  if (!hasData(categories, series)) {
    // A short line instead of an empty frame of axes and a table of dashes.
    return (
      <figure className="chart chart--empty mb-4">
        <figcaption className="h5">{caption}</figcaption>
        <p className="chart__empty mb-0">{empty}</p>
      </figure>
    );
  }
  const max = Math.max(1, ...series.flatMap((item) => item.values.map((value) => value ?? 0)));
  const longest = Math.max(...categories.map((category) => category.length));
  const groupWidth = longest > 10 ? 112 : 64;
  const labels = categories.map((category) => labelLines(category, groupWidth / 7));
  const labelHeight = Math.max(1, ...labels.map((lines) => lines.length)) * LABEL_LINE + LABEL_SPACE;
  const barWidth = Math.max(8, (groupWidth - 16) / series.length);
  const width = Math.max(320, categories.length * groupWidth + 16);
  return (
    <figure className="chart mb-4">
      <figcaption id={`${id}-caption`} className="h5">
        {caption}
      </figcaption>
      {series.length > 1 ? (
        <ul className="chart__legend list-unstyled d-flex flex-wrap gap-3 mb-2" aria-hidden="true">
          {series.map((item, index) => (
            <li key={item.name}>
              <span className="chart__swatch" style={{ background: COLOURS[index % COLOURS.length] }} />{' '}
              {item.name}
            </li>
          ))}
        </ul>
      ) : null}
      {/* Scrolls sideways on a narrow screen: focusable, so that the keyboard scrolls it too. */}
      <div className="chart__scroll" tabIndex={0} role="group" aria-labelledby={`${id}-caption`}>
        <svg
          role="img"
          aria-labelledby={`${id}-caption`}
          aria-describedby={`${id}-note`}
          viewBox={`0 0 ${width} ${HEIGHT + LABEL_SPACE + labelHeight}`}
          width={width}
          height={HEIGHT + LABEL_SPACE + labelHeight}
        >
          <line x1={8} x2={width - 8} y1={HEIGHT + LABEL_SPACE} y2={HEIGHT + LABEL_SPACE} stroke="#5c6f82" />
          {categories.map((category, index) => {
            const x = 8 + index * groupWidth + 8;
            return (
              <g key={category}>
                {series.map((item, seriesIndex) => {
                  const value = item.values[index];
                  const barHeight = value ? (value / max) * HEIGHT : 0;
                  const barX = x + seriesIndex * barWidth;
                  return (
                    <g key={item.name}>
                      <rect
                        x={barX}
                        y={HEIGHT + LABEL_SPACE - barHeight}
                        width={barWidth - 2}
                        height={barHeight}
                        fill={COLOURS[seriesIndex % COLOURS.length]}
                      />
                      {value !== null ? (
                        <text
                          x={barX + (barWidth - 2) / 2}
                          y={HEIGHT + LABEL_SPACE - barHeight - 4}
                          textAnchor="middle"
                          fontSize="11"
                          fill="#1a1a1a"
                        >
                          {format(value)}
                        </text>
                      ) : null}
                    </g>
                  );
                })}
                <text textAnchor="middle" fontSize="12" fill="#1a1a1a">
                  {labels[index].map((line, lineIndex) => (
                    <tspan
                      key={line}
                      x={x + (groupWidth - 16) / 2}
                      y={HEIGHT + LABEL_SPACE + LABEL_LINE * (lineIndex + 1.2)}
                    >
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <p id={`${id}-note`} className="small mb-2">
        {note}
      </p>
      <TableScroll label={caption}>
        <table className="table table-sm chart__table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryHeader}</th>
              {series.map((item) => (
                <th scope="col" key={item.name}>
                  {item.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, index) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {series.map((item) => {
                  const value = item.values[index];
                  return <td key={item.name}>{value === null ? '—' : format(value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
