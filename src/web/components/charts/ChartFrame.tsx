/**
 * A chart's accessible frame: a figure with its heading, the SVG as one image
 * (role="img", named by its title and summary), and the numbers behind it in
 * a table inside <details>, where each number is a button that opens its
 * records (when the user may see records).
 */
import { useId } from "react";

export const palette = [
  "#005ea2",
  "#d83933",
  "#e5a000",
  "#00a91c",
  "#8168b3",
  "#162e51",
  "#fa9441",
  "#71767a",
  "#0d7ea2",
  "#936f38",
];

export interface DrillProps {
  /** Opens the records behind a figure; absent when the user may not see records. */
  onDrill?: (key: string, label: string) => void;
}

export function ChartFrame(props: {
  title: string;
  summary: string;
  width: number;
  height: number;
  children: React.ReactNode;
  table: React.ReactNode;
  legend?: { label: string; color: string; dashed?: boolean }[];
}) {
  const id = useId();
  return (
    <figure className="immos-chart margin-x-0 margin-y-3">
      <figcaption>
        <h3 className="margin-y-1" id={`${id}-h`}>
          {props.title}
        </h3>
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        viewBox={`0 0 ${props.width} ${props.height}`}
        width="100%"
        style={{ maxWidth: props.width }}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{props.summary}</desc>
        {props.children}
      </svg>
      {props.legend && props.legend.length > 0 && (
        <ul className="immos-legend" aria-label={`Legend: ${props.title}`}>
          {props.legend.map((l) => (
            <li key={l.label}>
              <span
                className="immos-swatch"
                style={{ background: l.dashed ? "transparent" : l.color, borderColor: l.color }}
                aria-hidden="true"
              />
              {l.label}
            </li>
          ))}
        </ul>
      )}
      <details className="margin-top-1">
        <summary>Numbers behind “{props.title}”</summary>
        {props.table}
      </details>
    </figure>
  );
}

/** A number in a data table: a button that opens its records, or plain text. */
export function DrillNumber({
  value,
  drillKey,
  label,
  onDrill,
}: { value: number | string; drillKey?: string; label: string } & DrillProps) {
  if (!onDrill || !drillKey || value === 0) return <>{value}</>;
  return (
    <button
      type="button"
      className="usa-button usa-button--unstyled"
      aria-label={`${value}: show the records of ${label}`}
      onClick={() => onDrill(drillKey, label)}
    >
      {value}
    </button>
  );
}
