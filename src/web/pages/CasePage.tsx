import { Alert, Grid, Tag } from "@trussworks/react-uswds";
import { useEffect, useState } from "react";
import { ApiFailure, api, type CaseView } from "../api.js";
import { ActionsPanel } from "../components/ActionsPanel.js";
import { CaseMovementsPanel } from "../components/CaseMovementsPanel.js";
import { DeadlinesPanel } from "../components/DeadlinesPanel.js";
import { DocumentsPanel } from "../components/DocumentsPanel.js";
import { PurposeDialog } from "../components/PurposeDialog.js";
import { Timeline } from "../components/Timeline.js";
import { WhatIfPanel } from "../components/WhatIfPanel.js";
import { linkTo } from "../router.js";

export function CasePage({ caseRef }: { caseRef: string }) {
  const [view, setView] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  // Purpose of access for the confidential parts (docs/oversight.md); sent as X-Purpose.
  const [purpose, setPurpose] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` re-reads the case after an action
  useEffect(() => {
    api<CaseView>(
      "GET",
      `/cases/${encodeURIComponent(caseRef)}`,
      undefined,
      purpose ? { "x-purpose": purpose } : {},
    )
      .then(setView)
      .catch((e) => setError(e instanceof ApiFailure ? e.message : "Could not load the case"));
  }, [caseRef, reloads, purpose]);

  if (error)
    return (
      <Alert type="error" headingLevel="h1" heading="Case not available">
        {error}
      </Alert>
    );
  if (!view) return <p role="status">Loading case…</p>;
  const { person: p, case: c } = view;
  return (
    <>
      <p>
        <a {...linkTo("/")}>← All cases</a>
      </p>
      <h1>
        {p.familyName}, {p.givenName}
      </h1>
      <p className="font-body-md">
        Case {c.number} · {c.kind.replace(/_/g, " ")} · <Tag>{c.stage.replace(/_/g, " ")}</Tag>
      </p>
      {view.confidentiality?.purposeRequired && <PurposeDialog onPurpose={setPurpose} />}
      {view.confidentiality?.purpose && (
        <p className="font-body-2xs">Confidential information shown for: {view.confidentiality.purpose}</p>
      )}
      <Grid row gap>
        <Grid tablet={{ col: 6 }}>
          <h2>Person</h2>
          <dl className="immos-facts">
            <dt>A-number</dt>
            <dd>{p.aNumberDisplay ?? "none recorded"}</dd>
            <dt>Other names</dt>
            <dd>
              {p.aliases.length
                ? p.aliases.map((a) => (
                    <span
                      key={`${a.given} ${a.family}`}
                      lang={
                        a.script === "Arab"
                          ? "ar"
                          : a.script === "Cyrl"
                            ? "ru"
                            : a.script === "Hans"
                              ? "zh"
                              : a.script === "Deva"
                                ? "hi"
                                : undefined
                      }
                      className="margin-right-1"
                    >
                      {a.given} {a.family}
                    </span>
                  ))
                : "none"}
            </dd>
            <dt>Born</dt>
            <dd>{p.birthDate ?? "unknown"}</dd>
            <dt>Citizenship</dt>
            <dd>{p.citizenship.join(", ") || "unknown"}</dd>
            <dt>Languages</dt>
            <dd>{p.languages.join(", ") || "unknown"}</dd>
            <dt>Counsel</dt>
            <dd>
              {p.counsel
                ? `${p.counsel.name}${p.counsel.firm ? `, ${p.counsel.firm}` : ""} (${p.counsel.city}, ${p.counsel.state})`
                : "none of record"}
            </dd>
          </dl>
        </Grid>
        <Grid tablet={{ col: 6 }}>
          <h2>Current state</h2>
          <dl className="immos-facts">
            <dt>Stage</dt>
            <dd>{c.stage.replace(/_/g, " ")}</dd>
            <dt>Custody</dt>
            <dd>
              {c.state.custody.replace(/_/g, " ")}
              {c.facility ? ` at ${c.facility.name} (${c.facility.city}, ${c.facility.state})` : ""}
            </dd>
            <dt>Office</dt>
            <dd>{c.office.name}</dd>
            <dt>Court</dt>
            <dd>{c.court ? `${c.court.name} (circuit ${c.court.circuit})` : "none"}</dd>
            <dt>Next hearing</dt>
            <dd>
              {c.state.nextHearing
                ? `${c.state.nextHearing.date} ${c.state.nextHearing.time ?? ""} ${c.state.nextHearing.place ?? ""}`
                : "none scheduled"}
            </dd>
            <dt>Order</dt>
            <dd>
              {c.state.order
                ? `${c.state.order.kind.replace(/_/g, " ")} of ${c.state.order.on}${c.state.order.countries.length ? ` to ${c.state.order.countries.join(", ")}` : ""}`
                : "none"}
            </dd>
            <dt>Flags</dt>
            <dd>{c.state.flags.length ? c.state.flags.join(", ") : "none"}</dd>
          </dl>
        </Grid>
      </Grid>
      <DeadlinesPanel caseId={c.id} version={c.version} />
      <ActionsPanel view={view} onChanged={() => setReloads((n) => n + 1)} />
      <WhatIfPanel view={view} />
      <CaseMovementsPanel caseRef={c.id} key={`movements-${c.version}`} />
      <h2>Timeline</h2>
      <Timeline items={view.history} />
      <h2>Documents</h2>
      <DocumentsPanel caseId={c.id} caseNumber={c.number} />
    </>
  );
}
