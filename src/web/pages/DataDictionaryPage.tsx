/** The data dictionary (GET /api/v1/data-dictionary): every stored table and column, and the export fields. */
import { Alert, Table } from "@trussworks/react-uswds";
import { useEffect, useState } from "react";
import { ApiFailure, api } from "../api.js";

interface Dictionary {
  tables: {
    name: string;
    description: string;
    columns: {
      name: string;
      type: string;
      nullable: boolean;
      key: string | null;
      references: string | null;
      description: string;
    }[];
  }[];
  exports: { field: string; description: string }[];
}

export function DataDictionaryPage() {
  const [d, setD] = useState<Dictionary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Dictionary>("GET", "/data-dictionary")
      .then(setD)
      .catch((e) => setError(e instanceof ApiFailure ? e.message : "Could not load the data dictionary"));
  }, []);
  return (
    <>
      <h1>Data dictionary</h1>
      <p>
        Every stored field, generated from the database schema. Also as{" "}
        <a href="/api/v1/data-dictionary?format=md">Markdown</a>.
      </p>
      {error && (
        <Alert type="error" headingLevel="h2" slim>
          {error}
        </Alert>
      )}
      {!d && !error && <p role="status">Loading…</p>}
      {d && (
        <>
          <nav aria-label="Tables">
            <ul className="immos-columns">
              {d.tables.map((t) => (
                <li key={t.name}>
                  <a href={`#table-${t.name}`}>{t.name}</a>
                </li>
              ))}
              <li>
                <a href="#export-fields">Export fields (CSV)</a>
              </li>
            </ul>
          </nav>
          {d.tables.map((t) => (
            <section key={t.name} aria-labelledby={`table-${t.name}`}>
              <h2 id={`table-${t.name}`}>{t.name}</h2>
              <p>{t.description}</p>
              <Table fullWidth compact striped scrollable>
                <caption className="usa-sr-only">Columns of {t.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Column</th>
                    <th scope="col">Type</th>
                    <th scope="col">Null</th>
                    <th scope="col">Key</th>
                    <th scope="col">Description</th>
                  </tr>
                </thead>
                <tbody>
                  {t.columns.map((c) => (
                    <tr key={c.name}>
                      <th scope="row">
                        <code>{c.name}</code>
                      </th>
                      <td>{c.type}</td>
                      <td>{c.nullable ? "yes" : "no"}</td>
                      <td>{[c.key, c.references ? `→ ${c.references}` : null].filter(Boolean).join(" ")}</td>
                      <td>{c.description}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </section>
          ))}
          <section aria-labelledby="export-fields">
            <h2 id="export-fields">Export fields (CSV)</h2>
            <Table fullWidth compact striped>
              <caption className="usa-sr-only">Fields of the CSV exports</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {d.exports.map((e) => (
                  <tr key={e.field}>
                    <th scope="row">
                      <code>{e.field}</code>
                    </th>
                    <td>{e.description}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </section>
        </>
      )}
    </>
  );
}
