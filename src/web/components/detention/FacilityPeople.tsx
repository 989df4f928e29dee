/** The people behind a facility's numbers, for a reader whose offices hold them. */
import { Alert, Table } from "@trussworks/react-uswds";
import { useEffect, useState } from "react";
import { ApiFailure, api } from "../../api.js";
import { linkTo } from "../../router.js";

interface HeldPerson {
  caseId: string;
  caseNumber: string;
  officeCode: string;
  name: string;
  sex: string;
  level: number;
  medicalNeed: number;
  kind: string;
  assumed: string[];
  detainedSince: string | null;
}

export function FacilityPeople({ code, name }: { code: string; name: string }) {
  const [data, setData] = useState<{ people: HeldPerson[]; heldForOtherOffices: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ people: HeldPerson[]; heldForOtherOffices: number }>("GET", `/detention/facilities/${code}/people`)
      .then(setData)
      .catch((e) => setError(e instanceof ApiFailure ? e.message : "Could not load the people held"));
  }, [code]);
  if (error)
    return (
      <Alert type="warning" headingLevel="h3" slim>
        {error}
      </Alert>
    );
  if (!data) return <p role="status">Loading people held at {name}…</p>;
  return (
    <>
      <p role="status">
        {data.people.length} held at {name} for your offices
        {data.heldForOtherOffices ? `; ${data.heldForOtherOffices} more for other offices (not listed)` : ""}.
      </p>
      {data.people.length > 0 && (
        <Table fullWidth compact>
          <caption className="usa-sr-only">People held at {name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Case</th>
              <th scope="col">Sex</th>
              <th scope="col">Level</th>
              <th scope="col">Medical need</th>
              <th scope="col">Held since</th>
            </tr>
          </thead>
          <tbody>
            {data.people.map((p) => (
              <tr key={p.caseId}>
                <th scope="row">
                  <a {...linkTo(`/cases/${p.caseNumber}`)}>{p.name}</a>
                </th>
                <td>{p.caseNumber}</td>
                <td>{p.sex}</td>
                <td>
                  {p.level}
                  {p.assumed.includes("level") ? " (assumed)" : ""}
                </td>
                <td>
                  {p.medicalNeed}
                  {p.assumed.includes("medicalNeed") ? " (assumed)" : ""}
                </td>
                <td>{p.detainedSince ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
