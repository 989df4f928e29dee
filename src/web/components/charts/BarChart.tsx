/** Horizontal bars, one per category, optionally with a capacity mark; a click opens the bar's records. */
import { ChartFrame, DrillNumber, type DrillProps, palette } from "./ChartFrame.js";

export interface Bar {
  label: string;
  value: number;
  key: string;
  capacity?: number | null;
}

export function BarChart({
  title,
  bars,
  unit,
  onDrill,
  max = 15,
}: { title: string; bars: Bar[]; unit: string; max?: number } & DrillProps) {
  const shown = bars.slice(0, max);
  const labelW = 230;
  const plotW = 380;
  const rowH = 22;
  const height = shown.length * rowH + 30;
  const top = Math.max(1, ...shown.map((b) => Math.max(b.value, b.capacity ?? 0)));
  const x = (v: number) => labelW + (v / top) * plotW;
  const total = bars.reduce((n, b) => n + b.value, 0);
  const summary = `${total} ${unit} in ${bars.length} groups. ${shown
    .slice(0, 5)
    .map((b) => `${b.label}: ${b.value}${b.capacity ? ` of ${b.capacity}` : ""}`)
    .join("; ")}${bars.length > 5 ? "; …" : ""}.`;
  return (
    <ChartFrame
      title={title}
      summary={summary}
      width={labelW + plotW + 50}
      height={height}
      legend={
        shown.some((b) => b.capacity)
          ? [
              { label: unit, color: palette[0] },
              { label: "capacity (beds)", color: "#1b1b1b", dashed: true },
            ]
          : undefined
      }
      table={
        <table className="usa-table usa-table--compact">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">{unit}</th>
              {bars.some((b) => b.capacity) && <th scope="col">Capacity</th>}
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td>
                  <DrillNumber
                    value={b.value}
                    drillKey={b.key}
                    label={`${title}: ${b.label}`}
                    onDrill={onDrill}
                  />
                </td>
                {bars.some((bb) => bb.capacity) && <td>{b.capacity ?? "—"}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {shown.map((b, i) => (
        <g key={b.key} transform={`translate(0 ${i * rowH + 4})`}>
          <text x={labelW - 6} y={14} textAnchor="end" fontSize="12" fill="#1b1b1b">
            {b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}
          </text>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the chart's table has the same records as buttons */}
          <rect
            x={labelW}
            y={3}
            width={Math.max(0, x(b.value) - labelW)}
            height={rowH - 8}
            fill={palette[0]}
            style={onDrill ? { cursor: "pointer" } : undefined}
            onClick={onDrill ? () => onDrill(b.key, `${title}: ${b.label}`) : undefined}
          />
          {b.capacity ? (
            <line
              x1={x(b.capacity)}
              x2={x(b.capacity)}
              y1={0}
              y2={rowH - 2}
              stroke="#1b1b1b"
              strokeDasharray="3 2"
            />
          ) : null}
          <text x={x(b.value) + 4} y={14} fontSize="12" fill="#1b1b1b">
            {b.value}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}
