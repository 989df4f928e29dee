/** One occupancy-against-capacity bar, with its numbers as text beside it and in its accessible name. */
export function OccupancyBar({ held, capacity, label }: { held: number; capacity: number; label: string }) {
  const share = capacity ? held / capacity : held > 0 ? 1 : 0;
  const width = 96;
  const over = held > capacity;
  const words = `${label}: ${held} held of ${capacity} beds${capacity ? ` (${Math.round(share * 100)}%)` : ""}${over ? ", over capacity" : ""}`;
  return (
    <span className="display-inline-flex flex-align-center">
      <svg role="img" aria-label={words} width={width} height="12" viewBox={`0 0 ${width} 12`}>
        <rect x="0" y="0" width={width} height="12" fill="#dfe1e2" />
        <rect
          x="0"
          y="0"
          width={Math.min(1, share) * width}
          height="12"
          fill={over ? "#b50909" : "#005ea2"}
        />
      </svg>
      <span className="margin-left-1" aria-hidden="true">
        {held}/{capacity}
      </span>
    </span>
  );
}
