/** Horizontal stacked bars: one bar per category, one segment per series; a click opens a segment's records. */
import { ChartFrame, DrillNumber, type DrillProps, palette } from "./ChartFrame.js";

export interface StackedData {
  categories: string[];
  series: string[];
  cells: { category: string; series: string; value: number; key: string }[];
  total: number;
}

const nice = (s: string) => s.replace(/_/g, " ");

export function StackedBarChart({
  title,
  data,
  unit,
  onDrill,
  colors,
}: { title: string; data: StackedData; unit: string; colors?: Record<string, string> } & DrillProps) {
  const labelW = 200;
  const plotW = 400;
  const rowH = 22;
  const height = data.categories.length * rowH + 20;
  const cell = (c: string, s: string) => data.cells.find((x) => x.category === c && x.series === s);
  const sums = data.categories.map((c) => data.series.reduce((n, s) => n + (cell(c, s)?.value ?? 0), 0));
  const top = Math.max(1, ...sums);
  const color = (s: string, i: number) => colors?.[s] ?? palette[i % palette.length];
  const summary = `${data.total} ${unit}. ${data.categories
    .slice(0, 6)
    .map((c, i) => `${nice(c)}: ${sums[i]}`)
    .join("; ")}${data.categories.length > 6 ? "; …" : ""}.`;
  if (!data.categories.length) return <p>No {unit} in this period.</p>;
  return (
    <ChartFrame
      title={title}
      summary={summary}
      width={labelW + plotW + 50}
      height={height}
      legend={data.series.map((s, i) => ({ label: nice(s), color: color(s, i) }))}
      table={
        <table className="usa-table usa-table--compact">
          <thead>
            <tr>
              <th scope="col">Group</th>
              {data.series.map((s) => (
                <th scope="col" key={s}>
                  {nice(s)}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {data.categories.map((c, i) => (
              <tr key={c}>
                <th scope="row">{nice(c)}</th>
                {data.series.map((s) => {
                  const x = cell(c, s);
                  return (
                    <td key={s}>
                      <DrillNumber
                        value={x?.value ?? 0}
                        drillKey={x?.key}
                        label={`${title}: ${nice(c)}, ${nice(s)}`}
                        onDrill={onDrill}
                      />
                    </td>
                  );
                })}
                <td>{sums[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {data.categories.map((c, i) => {
        let at = labelW;
        return (
          <g key={c} transform={`translate(0 ${i * rowH + 4})`}>
            <text x={labelW - 6} y={14} textAnchor="end" fontSize="12" fill="#1b1b1b">
              {nice(c).length > 30 ? `${nice(c).slice(0, 29)}…` : nice(c)}
            </text>
            {data.series.map((s, j) => {
              const x = cell(c, s);
              if (!x) return null;
              const w = (x.value / top) * plotW;
              const rect = (
                // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the chart's table has the same records as buttons
                <rect
                  key={s}
                  x={at}
                  y={3}
                  width={w}
                  height={rowH - 8}
                  fill={color(s, j)}
                  stroke="#fff"
                  strokeWidth={0.5}
                  style={onDrill ? { cursor: "pointer" } : undefined}
                  onClick={onDrill ? () => onDrill(x.key, `${title}: ${nice(c)}, ${nice(s)}`) : undefined}
                />
              );
              at += w;
              return rect;
            })}
            <text x={labelW + (sums[i] / top) * plotW + 4} y={14} fontSize="12" fill="#1b1b1b">
              {sums[i]}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
