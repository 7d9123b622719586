import { useId } from 'react';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

const COLOURS = ['#0066cc', '#b34700', '#00664d'];
const HEIGHT = 180;
const LABEL_SPACE = 28;

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
}: {
  caption: string;
  note: string;
  categoryHeader: string;
  categories: string[];
  series: ChartSeries[];
  format: (value: number) => string;
}) {
  const id = useId();
  const max = Math.max(1, ...series.flatMap((item) => item.values.map((value) => value ?? 0)));
  const groupWidth = 64;
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
          viewBox={`0 0 ${width} ${HEIGHT + LABEL_SPACE * 2}`}
          width={width}
          height={HEIGHT + LABEL_SPACE * 2}
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
                <text
                  x={x + (groupWidth - 16) / 2}
                  y={HEIGHT + LABEL_SPACE * 1.7}
                  textAnchor="middle"
                  fontSize="12"
                  fill="#1a1a1a"
                >
                  {category}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <p id={`${id}-note`} className="small mb-2">
        {note}
      </p>
      <div className="table-responsive">
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
      </div>
    </figure>
  );
}
