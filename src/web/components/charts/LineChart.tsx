/**
 * A daily series as a line, with an optional capacity line and an optional
 * forecast (dashed mean with its 80% and 95% bands). Dates are YYYY-MM-DD
 * strings, spaced by their index (one point per day).
 */
import { ChartFrame, DrillNumber, type DrillProps, palette } from "./ChartFrame.js";

export interface SeriesPoint {
  date: string;
  value: number;
  key?: string;
}
export interface ForecastPoint {
  date: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export function LineChart({
  title,
  points,
  capacity,
  forecast,
  unit,
  onDrill,
}: {
  title: string;
  points: SeriesPoint[];
  capacity?: number | null;
  forecast?: ForecastPoint[];
  unit: string;
} & DrillProps) {
  const W = 640;
  const H = 240;
  const left = 44;
  const right = 10;
  const top = 10;
  const bottom = 28;
  const n = points.length + (forecast?.length ?? 0);
  const ymax = Math.max(
    1,
    capacity ?? 0,
    ...points.map((p) => p.value),
    ...(forecast ?? []).map((f) => f.hi95),
  );
  const x = (i: number) => left + (n <= 1 ? 0 : (i / (n - 1)) * (W - left - right));
  const y = (v: number) => top + (1 - v / ymax) * (H - top - bottom);
  const path = (vals: number[], offset = 0) =>
    vals.map((v, i) => `${i ? "L" : "M"}${x(i + offset).toFixed(1)},${y(v).toFixed(1)}`).join("");
  const band = (lo: number[], hi: number[], offset: number) =>
    `${path(hi, offset)}${lo
      .map((v, i) => [i, v] as const)
      .reverse()
      .map(([i, v]) => `L${x(i + offset).toFixed(1)},${y(v).toFixed(1)}`)
      .join("")}Z`;
  const last = points.at(-1);
  const f30 = forecast?.[29];
  const f90 = forecast?.[89];
  const summary = [
    last ? `${last.value} ${unit} on ${last.date}` : "no data",
    capacity ? `capacity ${capacity}` : null,
    f30 ? `forecast ${f30.date}: ${f30.mean} (80% ${f30.lo80}–${f30.hi80})` : null,
    f90 ? `forecast ${f90.date}: ${f90.mean} (80% ${f90.lo80}–${f90.hi80})` : null,
  ]
    .filter(Boolean)
    .join("; ");
  const ticks = [0, Math.round(ymax / 2), Math.round(ymax)];
  const off = points.length;
  return (
    <ChartFrame
      title={title}
      summary={`${summary}.`}
      width={W}
      height={H}
      legend={[
        { label: unit, color: palette[0] },
        ...(capacity ? [{ label: "capacity (beds)", color: palette[1], dashed: true }] : []),
        ...(forecast ? [{ label: "forecast, with 80% and 95% intervals", color: palette[4] }] : []),
      ]}
      table={
        <table className="usa-table usa-table--compact">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">{unit}</th>
              {forecast && <th scope="col">80% interval</th>}
              {forecast && <th scope="col">95% interval</th>}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date}>
                <th scope="row">{p.date}</th>
                <td>
                  <DrillNumber
                    value={p.value}
                    drillKey={p.key}
                    label={`${title} on ${p.date}`}
                    onDrill={onDrill}
                  />
                </td>
                {forecast && <td />}
                {forecast && <td />}
              </tr>
            ))}
            {forecast?.map((f) => (
              <tr key={f.date}>
                <th scope="row">{f.date} (forecast)</th>
                <td>{f.mean}</td>
                <td>
                  {f.lo80}–{f.hi80}
                </td>
                <td>
                  {f.lo95}–{f.hi95}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={W - right} y1={y(t)} y2={y(t)} stroke="#dfe1e2" />
          <text x={left - 4} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#1b1b1b">
            {t}
          </text>
        </g>
      ))}
      {points.length > 0 && (
        <>
          <text x={left} y={H - 8} fontSize="11" fill="#1b1b1b">
            {points[0].date}
          </text>
          <text x={W - right} y={H - 8} textAnchor="end" fontSize="11" fill="#1b1b1b">
            {(forecast?.at(-1) ?? points.at(-1))?.date}
          </text>
        </>
      )}
      {forecast && forecast.length > 0 && (
        <>
          <path
            d={band(
              forecast.map((f) => f.lo95),
              forecast.map((f) => f.hi95),
              off,
            )}
            fill={palette[4]}
            opacity={0.15}
          />
          <path
            d={band(
              forecast.map((f) => f.lo80),
              forecast.map((f) => f.hi80),
              off,
            )}
            fill={palette[4]}
            opacity={0.25}
          />
          <path
            d={path(
              forecast.map((f) => f.mean),
              off,
            )}
            fill="none"
            stroke={palette[4]}
            strokeWidth={2}
            strokeDasharray="5 3"
          />
        </>
      )}
      {capacity ? (
        <line
          x1={left}
          x2={W - right}
          y1={y(capacity)}
          y2={y(capacity)}
          stroke={palette[1]}
          strokeDasharray="6 3"
          strokeWidth={1.5}
        />
      ) : null}
      <path d={path(points.map((p) => p.value))} fill="none" stroke={palette[0]} strokeWidth={2} />
    </ChartFrame>
  );
}
