/**
 * Daily population against capacity as an accessible SVG line chart: the
 * picture has role="img" and a spoken summary, and every number is in a table
 * right under it (the chart never holds information the text does not).
 */
export interface PopulationSeries {
  days: string[];
  total: number[];
  capacity: number;
}

const W = 640;
const H = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };

function summary(s: PopulationSeries, label: string): string {
  if (!s.days.length) return `${label}: no data`;
  const peak = Math.max(...s.total);
  const peakDay = s.days[s.total.indexOf(peak)];
  return (
    `${label}, ${s.days[0]} to ${s.days.at(-1)}: ${s.total[0]} held at the start, ${s.total.at(-1)} at the end, ` +
    `peak ${peak} on ${peakDay}; capacity ${s.capacity} beds.`
  );
}

export function PopulationChart({ series, label }: { series: PopulationSeries; label: string }) {
  const { days, total, capacity } = series;
  const top = Math.max(1, capacity, ...total);
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, days.length - 1);
  const y = (v: number) => H - PAD.bottom - (v * (H - PAD.top - PAD.bottom)) / top;
  const line = total.map((v, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const ticks = [0, Math.round(top / 2), top];
  return (
    <figure className="margin-x-0">
      <svg
        role="img"
        aria-label={summary(series, label)}
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: W }}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#dfe1e2" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#1b1b1b">
              {t}
            </text>
          </g>
        ))}
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(capacity)}
          y2={y(capacity)}
          stroke="#b50909"
          strokeDasharray="6 4"
        />
        <path d={line} fill="none" stroke="#005ea2" strokeWidth="2.5" />
        <text x={PAD.left} y={H - 8} fontSize="12" fill="#1b1b1b">
          {days[0]}
        </text>
        <text x={W - PAD.right} y={H - 8} fontSize="12" fill="#1b1b1b" textAnchor="end">
          {days.at(-1)}
        </text>
      </svg>
      <figcaption className="font-body-2xs">
        Solid line: people held at the end of each day. Dashed line: capacity ({capacity} beds).
      </figcaption>
      <details>
        <summary>Population by day (table)</summary>
        <table className="usa-table usa-table--compact">
          <caption className="usa-sr-only">{label} by day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Held</th>
              <th scope="col">Capacity</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d}>
                <th scope="row">{d}</th>
                <td>{total[i]}</td>
                <td>{capacity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
