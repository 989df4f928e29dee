/**
 * Movements: the list for the user's offices, the gate alerts of the
 * movements the user is in charge of, and a form to create a movement.
 */
import {
  Alert,
  Button,
  Fieldset,
  Form,
  Grid,
  Label,
  Select,
  Table,
  TextInput,
} from "@trussworks/react-uswds";
import { useCallback, useEffect, useState } from "react";
import { ApiFailure, api, type Me } from "../api.js";
import { linkTo, navigate } from "../router.js";
import type { Movement, MovementAlert } from "./MovementPage.js";

interface Facility {
  code: string;
  name: string;
  officeCode: string;
}

type Listed = Movement & { onManifest: number; struck: number; officerName: string };

export function MovementsPage() {
  const [items, setItems] = useState<Listed[] | null>(null);
  const [alerts, setAlerts] = useState<MovementAlert[]>([]);
  const [facilities, setFacilities] = useState<Facility[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  const load = useCallback(() => {
    api<{ items: Listed[] }>("GET", "/movements")
      .then((r) => setItems(r.items))
      .catch((e) => setError(e instanceof ApiFailure ? e.message : "Could not load movements"));
    api<{ items: MovementAlert[] }>("GET", "/movements/alerts")
      .then((r) => setAlerts(r.items))
      .catch(() => setAlerts([]));
  }, []);
  useEffect(() => {
    void reloads;
    load();
  }, [load, reloads]);
  useEffect(() => {
    Promise.all([api<Me>("GET", "/me"), api<{ items: Facility[] }>("GET", "/facilities")])
      .then(([me, r]) =>
        setFacilities(me.offices.length ? r.items.filter((f) => me.offices.includes(f.officeCode)) : r.items),
      )
      .catch(() => setFacilities([]));
  }, []);

  const acknowledge = async (id: string) => {
    await api("POST", `/movements/alerts/${id}/acknowledge`).catch(() => undefined);
    setReloads((n) => n + 1);
  };

  return (
    <>
      <h1>Movements</h1>
      {alerts.length > 0 && (
        <Alert type="warning" headingLevel="h2" heading={`Gate alerts (${alerts.length})`}>
          <ul className="usa-list">
            {alerts.map((a) => (
              <li key={a.id}>
                <a {...linkTo(`/movements/${a.movementNumber}`)}>{a.movementNumber}</a>, case {a.caseNumber}:{" "}
                {a.message}{" "}
                <Button type="button" unstyled onClick={() => acknowledge(a.id)}>
                  Acknowledge alert on case {a.caseNumber}
                </Button>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {error && (
        <Alert type="error" headingLevel="h2" slim>
          {error}
        </Alert>
      )}
      {items === null && !error && <p role="status">Loading movements…</p>}
      {items && (
        <>
          <p role="status">
            {items.length} {items.length === 1 ? "movement" : "movements"}
          </p>
          <Table fullWidth striped>
            <caption className="usa-sr-only">Movements of your offices</caption>
            <thead>
              <tr>
                <th scope="col">Movement</th>
                <th scope="col">Kind</th>
                <th scope="col">To</th>
                <th scope="col">Departure</th>
                <th scope="col">Status</th>
                <th scope="col">On manifest</th>
                <th scope="col">Struck</th>
                <th scope="col">Officer in charge</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <a {...linkTo(`/movements/${m.number}`)}>{m.number}</a>
                  </th>
                  <td>{m.kind}</td>
                  <td>{m.country}</td>
                  <td>
                    {m.departOn} {m.departAt} ({m.tz})
                  </td>
                  <td>{m.status}</td>
                  <td>
                    {m.onManifest} / {m.seats} seats
                  </td>
                  <td>{m.struck}</td>
                  <td>{m.officerName}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
      <CreateMovementForm facilities={facilities} />
    </>
  );
}

function CreateMovementForm({ facilities }: { facilities: Facility[] }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const m = await api<Movement>("POST", "/movements", {
        kind: f.get("kind"),
        country: String(f.get("country") ?? "").toUpperCase(),
        departOn: f.get("departOn"),
        departAt: f.get("departAt"),
        stagingFacilityCode: f.get("facility"),
        seats: Number(f.get("seats")),
        ...(f.get("label") ? { label: f.get("label") } : {}),
      });
      navigate(`/movements/${m.number}`);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : "Could not create the movement");
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="create-movement" className="margin-top-4">
      <h2 id="create-movement">Create a movement</h2>
      {error && (
        <Alert type="error" headingLevel="h3" slim>
          {error}
        </Alert>
      )}
      <Form onSubmit={submit} large>
        <Fieldset legend="Movement" legendStyle="srOnly">
          <Grid row gap>
            <Grid tablet={{ col: 6 }}>
              <Label htmlFor="mv-kind">Kind</Label>
              <Select id="mv-kind" name="kind" defaultValue="flight">
                <option value="flight">Flight</option>
                <option value="ground">Ground movement</option>
              </Select>
              <Label htmlFor="mv-country" hint=" (ISO code, e.g. SV)">
                Destination country
              </Label>
              <TextInput id="mv-country" name="country" type="text" required maxLength={2} />
              <Label htmlFor="mv-label">Carrier and flight, or route (optional)</Label>
              <TextInput id="mv-label" name="label" type="text" />
            </Grid>
            <Grid tablet={{ col: 6 }}>
              <Label htmlFor="mv-date">Departure date</Label>
              <TextInput id="mv-date" name="departOn" type="date" required />
              <Label htmlFor="mv-time" hint=" (local to the staging facility's office)">
                Departure time
              </Label>
              <TextInput id="mv-time" name="departAt" type="time" required />
              <Label htmlFor="mv-facility">Staging facility</Label>
              <Select id="mv-facility" name="facility" required>
                {facilities.map((f) => (
                  <option key={f.code} value={f.code}>
                    {f.name} ({f.code})
                  </option>
                ))}
              </Select>
              <Label htmlFor="mv-seats">Seats</Label>
              <TextInput id="mv-seats" name="seats" type="number" min={1} defaultValue="50" required />
            </Grid>
          </Grid>
        </Fieldset>
        <Button type="submit" disabled={busy}>
          Create movement
        </Button>
      </Form>
    </section>
  );
}
