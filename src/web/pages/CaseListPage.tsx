import { Alert, Search, Table } from "@trussworks/react-uswds";
import { useEffect, useState } from "react";
import { ApiFailure, api, type CaseSummary } from "../api.js";
import { linkTo, navigate } from "../router.js";

export function CaseListPage() {
  const params = new URLSearchParams(window.location.search);
  const q = params.get("q") ?? "";
  const [items, setItems] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setItems(null);
    setError(null);
    const qs = new URLSearchParams({ limit: "50", ...(q ? { q } : {}) });
    api<{ items: CaseSummary[] }>("GET", `/cases?${qs}`)
      .then((r) => setItems(r.items))
      .catch((e) => setError(e instanceof ApiFailure ? e.message : "Could not load cases"));
  }, [q]);

  const onSearch = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get("q") ?? "").trim();
    navigate(value ? `/?q=${encodeURIComponent(value)}` : "/");
  };

  return (
    <>
      <h1>Cases</h1>
      <section aria-label="Search cases" className="margin-bottom-3">
        <Search
          key={q}
          onSubmit={onSearch}
          placeholder="Name in any script, or A-number"
          label="Search by name or A-number"
          inputName="q"
          defaultValue={q}
          size="small"
        />
      </section>
      {error && (
        <Alert type="error" headingLevel="h2" slim>
          {error}
        </Alert>
      )}
      {items === null && !error && <p role="status">Loading cases…</p>}
      {items && (
        <>
          <p role="status">
            {items.length} {items.length === 1 ? "case" : "cases"}
            {q ? ` matching “${q}”` : ""}
          </p>
          <Table fullWidth striped>
            <caption className="usa-sr-only">Cases{q ? ` matching ${q}` : ""}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">A-number</th>
                <th scope="col">Case</th>
                <th scope="col">Stage</th>
                <th scope="col">Office</th>
                <th scope="col">Last event</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a {...linkTo(`/cases/${c.number}`)}>
                      {c.familyName}, {c.givenName}
                    </a>
                  </th>
                  <td>{c.aNumber ?? "—"}</td>
                  <td>{c.number}</td>
                  <td>{c.stage.replace(/_/g, " ")}</td>
                  <td>{c.officeCode}</td>
                  <td>{c.lastEventOn ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </>
  );
}
