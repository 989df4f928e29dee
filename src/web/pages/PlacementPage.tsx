/**
 * Placement proposals: choose an office and what to place (new arrivals, or a
 * rebalancing of everyone held at its facilities), adjust the weights, and the
 * optimizer (in a worker thread on the server) proposes a facility for each
 * person with its reason. An officer accepts a move, which is a transfer
 * through the law engine.
 */
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Label,
  Radio,
  Select,
  Table,
  TextInput,
} from "@trussworks/react-uswds";
import { useEffect, useState } from "react";
import { ApiFailure, api, type Me } from "../api.js";
import { type Recommendation, RecommendationRow } from "../components/detention/RecommendationRow.js";
import { linkTo, navigate } from "../router.js";

interface Proposal {
  id: string;
  office: string;
  mode: string;
  createdAt: string;
  objective: number;
  bound: number;
  counts: Record<string, number>;
  params: { weights: { counsel: number; court: number; family: number }; transferPenalty: number };
  assumptions: {
    defaults: { kind: string; level: number; medicalNeed: number };
    assumed: { kind: number; level: number; medicalNeed: number };
    skipped: { caseId: string; number: string; reason: string }[];
    people: number;
    facilities: number;
  };
  items: Recommendation[];
}

function ProposalView({ proposal: p }: { proposal: Proposal }) {
  const a = p.assumptions;
  return (
    <>
      <h2>
        Proposal for {p.office} ({p.mode})
      </h2>
      <p role="status">
        {a.people} people over {a.facilities} facilities: {p.counts.proposed ?? 0} moves proposed,{" "}
        {p.counts.stay ?? 0} stay, {p.counts.unplaced ?? 0} without a bed. Total weighted distance{" "}
        {p.objective.toFixed(1)} (lower bound {p.bound.toFixed(1)}).
      </p>
      <p>
        Weights: counsel {p.params.weights.counsel}, court {p.params.weights.court}, family{" "}
        {p.params.weights.family}; transfer penalty {p.params.transferPenalty}. Where the record is silent we
        assumed: security level {a.defaults.level} ({a.assumed.level} people), medical need{" "}
        {a.defaults.medicalNeed} ({a.assumed.medicalNeed} people), an {a.defaults.kind} facility (
        {a.assumed.kind} people).
      </p>
      {a.skipped.length > 0 && (
        <Alert type="info" headingLevel="h3" heading="Left out of this proposal" slim={false}>
          <ul>
            {a.skipped.map((s) => (
              <li key={s.caseId}>
                {s.number}: {s.reason}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <Table fullWidth compact>
        <caption className="usa-sr-only">Recommendations with their reasons</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {p.items.map((i) => (
            <RecommendationRow key={i.caseId} proposalId={p.id} item={i} />
          ))}
        </tbody>
      </Table>
    </>
  );
}

export function PlacementPage() {
  const params = new URLSearchParams(window.location.search);
  const proposalId = params.get("proposal");
  const [me, setMe] = useState<Me | null>(null);
  const [offices, setOffices] = useState<{ code: string; name: string }[]>([]);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<Me>("GET", "/me").then(setMe, () => setMe(null));
    api<{ items: { code: string; name: string }[] }>("GET", "/offices").then(
      (r) => setOffices(r.items),
      () => setOffices([]),
    );
  }, []);
  useEffect(() => {
    setProposal(null);
    if (!proposalId) return;
    api<Proposal>("GET", `/detention/proposals/${proposalId}`)
      .then(setProposal)
      .catch((e) => setError(e instanceof ApiFailure ? e.message : "Could not load the proposal"));
  }, [proposalId]);

  const mine = me?.offices.length ? offices.filter((o) => me.offices.includes(o.code)) : offices;
  const defaultOffice = params.get("office") ?? me?.offices[0] ?? "";

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const num = (k: string) => Number(form.get(k));
    setBusy(true);
    setError(null);
    try {
      const p = await api<Proposal>("POST", "/detention/proposals", {
        office: String(form.get("office")),
        mode: String(form.get("mode")),
        facilities: form.get("all") ? "all" : "office",
        weights: { counsel: num("counsel"), court: num("court"), family: num("family") },
        transferPenalty: num("penalty"),
      });
      navigate(`/placement?proposal=${p.id}`);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : "The proposal failed");
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Placement proposals</h1>
      <p>
        <a {...linkTo("/population")}>← Population board</a>
      </p>
      <form onSubmit={submit} className="usa-form usa-form--large margin-bottom-4">
        <Label htmlFor="placement-office">Office</Label>
        <Select id="placement-office" name="office" defaultValue={defaultOffice} key={defaultOffice} required>
          {mine.map((o) => (
            <option key={o.code} value={o.code}>
              {o.code} — {o.name}
            </option>
          ))}
        </Select>
        <Fieldset legend="Whom to place">
          <Radio
            id="mode-arrivals"
            name="mode"
            value="arrivals"
            defaultChecked
            label="New arrivals (held without an assigned facility)"
          />
          <Radio
            id="mode-rebalance"
            name="mode"
            value="rebalance"
            label="Rebalance everyone held at the office's facilities"
          />
        </Fieldset>
        <Checkbox id="all-facilities" name="all" label="Consider the facilities of every office" />
        <Fieldset legend="Weights (per km)">
          <Label htmlFor="w-counsel">Counsel of record</Label>
          <TextInput id="w-counsel" name="counsel" type="number" min={0} step="any" defaultValue="3" />
          <Label htmlFor="w-court">Court of a pending case</Label>
          <TextInput id="w-court" name="court" type="number" min={0} step="any" defaultValue="2" />
          <Label htmlFor="w-family">Family</Label>
          <TextInput id="w-family" name="family" type="number" min={0} step="any" defaultValue="1" />
          <Label htmlFor="w-penalty">Transfer penalty (km-equivalent)</Label>
          <TextInput id="w-penalty" name="penalty" type="number" min={0} step="any" defaultValue="150" />
        </Fieldset>
        <Button type="submit" disabled={busy}>
          {busy ? "Solving…" : "Propose placements"}
        </Button>
      </form>
      {busy && <p role="status">The optimizer is working; the rest of immos stays available.</p>}
      {error && (
        <Alert type="error" headingLevel="h2" slim>
          {error}
        </Alert>
      )}
      {proposalId && !proposal && !error && <p role="status">Loading the proposal…</p>}
      {proposal && <ProposalView proposal={proposal} />}
    </>
  );
}
