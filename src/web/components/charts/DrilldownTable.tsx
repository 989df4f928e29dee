/** The records behind a figure: case-list rows with why each is counted, and the same as a CSV file. */
import { Alert, Table } from "@trussworks/react-uswds";
import { useEffect, useRef, useState } from "react";
import { ApiFailure, api } from "../../api.js";
import { linkTo } from "../../router.js";

interface Drill {
  key: string;
  label: string;
  total: number;
  detailColumns: string[];
  items: ({
    id: string;
    number: string;
    givenName: string;
    familyName: string;
    officeCode: string;
    stage: string;
  } & Record<string, unknown>)[];
}

export function DrilldownTable({ query, onClose }: { query: URLSearchParams; onClose: () => void }) {
  const [data, setData] = useState<Drill | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const qs = query.toString();
  useEffect(() => {
    setData(null);
    setError(null);
    api<Drill>("GET", `/analytics/drilldown?${qs}`)
      .then(setData)
      .catch((e) => setError(e instanceof ApiFailure ? e.message : "Could not load the records"));
  }, [qs]);
  useEffect(() => {
    if (data) heading.current?.focus();
  }, [data]);
  return (
    <section
      aria-labelledby="drill-heading"
      className="immos-drill margin-y-3 padding-2 border-1px border-base-lighter"
    >
      <h2 id="drill-heading" ref={heading} tabIndex={-1}>
        Records{data ? `: ${data.label}` : ""}
      </h2>
      {error && (
        <Alert type="error" headingLevel="h3" slim>
          {error}
        </Alert>
      )}
      {!data && !error && <p role="status">Loading records…</p>}
      {data && (
        <>
          <p role="status">
            {data.items.length} {data.items.length === 1 ? "record" : "records"} (the figure counts{" "}
            {data.total}).{" "}
            <a href={`/api/v1/analytics/drilldown?${qs}&format=csv`} download>
              Download CSV
            </a>{" "}
            <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={onClose}>
              Close records
            </button>
          </p>
          <Table fullWidth striped compact scrollable>
            <caption className="usa-sr-only">{data.label}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Case</th>
                <th scope="col">Office</th>
                <th scope="col">Stage</th>
                {data.detailColumns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.items.slice(0, 500).map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one case may appear twice (two transfers); rows never reorder
                <tr key={`${r.id}-${i}`}>
                  <th scope="row">
                    <a {...linkTo(`/cases/${encodeURIComponent(r.number)}`)}>
                      {r.familyName}, {r.givenName}
                    </a>
                  </th>
                  <td>{r.number}</td>
                  <td>{r.officeCode}</td>
                  <td>{r.stage.replace(/_/g, " ")}</td>
                  {data.detailColumns.map((c) => (
                    <td key={c}>{r[c] === null || r[c] === undefined ? "—" : String(r[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
          {data.items.length > 500 && <p>The first 500 are shown; the CSV has all {data.items.length}.</p>}
        </>
      )}
    </section>
  );
}
