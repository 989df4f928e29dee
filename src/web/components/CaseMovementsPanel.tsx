/**
 * Where the person stands in removal logistics, on the case page: travel
 * documents (requested, issued until, refused, expired) and every manifest
 * the person is or was on, with the latest gate's outcome and, for a struck
 * person, why.
 */
import { Table, Tag } from "@trussworks/react-uswds";
import { useEffect, useState } from "react";
import { api } from "../api.js";
import { linkTo } from "../router.js";
import type { Outcome } from "./law-api.js";
import { OutcomeBadge } from "./VerdictView.js";

interface Standing {
  order: { kind: string; countries: string[] } | null;
  travelDocuments: { country: string; status: string; on: string; validUntil?: string; content?: string[] }[];
  entries: {
    entryId: string;
    role: string;
    status: string;
    lastGate: string;
    lastOutcome: Outcome;
    struckReason: { message?: string } | null;
    movement: {
      number: string;
      kind: string;
      country: string;
      departOn: string;
      departAt: string;
      status: string;
    };
  }[];
}

export function CaseMovementsPanel({ caseRef }: { caseRef: string }) {
  const [s, setS] = useState<Standing | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api<Standing>("GET", `/cases/${encodeURIComponent(caseRef)}/movements`)
      .then(setS)
      .catch(() => setFailed(true));
  }, [caseRef]);

  return (
    <section aria-labelledby="case-movements">
      <h2 id="case-movements">Removal logistics</h2>
      {failed && <p>Removal logistics could not be loaded.</p>}
      {!s && !failed && <p role="status">Loading removal logistics…</p>}
      {s && (
        <>
          <h3>Travel documents</h3>
          {s.travelDocuments.length === 0 ? (
            <p>None requested or on file.</p>
          ) : (
            <ul className="usa-list">
              {s.travelDocuments.map((d) => (
                <li key={d.country}>
                  {d.country}: {d.status} on {d.on}
                  {d.validUntil ? `, valid until ${d.validUntil}` : ""}
                  {d.content ? ` (sent: ${d.content.join(", ")})` : ""}
                </li>
              ))}
            </ul>
          )}
          <h3>Manifests</h3>
          {s.entries.length === 0 ? (
            <p>
              Not on any manifest
              {s.order?.countries.length ? ` (order to ${s.order.countries.join(", ")})` : ""}.
            </p>
          ) : (
            <Table fullWidth>
              <caption className="usa-sr-only">Manifests this person is or was on</caption>
              <thead>
                <tr>
                  <th scope="col">Movement</th>
                  <th scope="col">Departure</th>
                  <th scope="col">Role</th>
                  <th scope="col">Standing</th>
                  <th scope="col">Latest gate</th>
                  <th scope="col">Why struck</th>
                </tr>
              </thead>
              <tbody>
                {s.entries.map((e) => (
                  <tr key={e.entryId}>
                    <th scope="row">
                      <a {...linkTo(`/movements/${e.movement.number}`)}>{e.movement.number}</a> (
                      {e.movement.kind} to {e.movement.country}, {e.movement.status})
                    </th>
                    <td>
                      {e.movement.departOn} {e.movement.departAt}
                    </td>
                    <td>{e.role}</td>
                    <td>
                      <Tag>{e.status.replace(/_/g, " ")}</Tag>
                    </td>
                    <td>
                      {e.lastGate}: <OutcomeBadge outcome={e.lastOutcome} />
                    </td>
                    <td>{e.struckReason?.message ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
