/**
 * The population board: each facility's occupancy against capacity by sex and
 * security level, the population over the last 30 days as a chart (with its
 * numbers as a table), filterable by office, and the people behind a
 * facility's numbers for those whose offices hold them.
 */
import { Alert, Button, Label, Select, Table } from "@trussworks/react-uswds";
import { Fragment, useEffect, useState } from "react";
import { ApiFailure, api } from "../api.js";
import { FacilityPeople } from "../components/detention/FacilityPeople.js";
import { OccupancyBar } from "../components/detention/OccupancyBar.js";
import { PopulationChart } from "../components/detention/PopulationChart.js";
import { linkTo, navigate } from "../router.js";

type BySex = { male: number; female: number; unknown: number };
interface FacilityOccupancy {
  code: string;
  name: string;
  officeCode: string;
  city: string;
  state: string;
  kinds: string[];
  capacity: { male: number; female: number; total: number };
  held: BySex & { total: number };
  byLevel: Record<string, BySex>;
}
interface Board {
  asOf: string;
  office: string | null;
  facilities: FacilityOccupancy[];
  totals: { capacity: number; held: number; male: number; female: number; unknown: number };
  history: { days: string[]; total: number[]; capacity: number };
}

const levelWords = (byLevel: Record<string, BySex>) =>
  Object.entries(byLevel)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([level, c]) =>
        `${level === "unrecorded" ? "level not recorded" : `level ${level}`}: ${c.male + c.female + c.unknown}`,
    )
    .join("; ") || "none held";

export function PopulationBoardPage() {
  const office = new URLSearchParams(window.location.search).get("office") ?? "";
  const [offices, setOffices] = useState<{ code: string; name: string }[]>([]);
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    api<{ items: { code: string; name: string }[] }>("GET", "/offices")
      .then((r) => setOffices(r.items))
      .catch(() => setOffices([]));
  }, []);
  useEffect(() => {
    setBoard(null);
    setError(null);
    const qs = new URLSearchParams({ days: "30", ...(office ? { office } : {}) });
    api<Board>("GET", `/detention/board?${qs}`)
      .then(setBoard)
      .catch((e) => setError(e instanceof ApiFailure ? e.message : "Could not load the population board"));
  }, [office]);

  const where = office ? `office ${office}` : "all offices";
  return (
    <>
      <h1>Population board</h1>
      <form
        className="margin-bottom-3"
        onSubmit={(e) => {
          e.preventDefault();
          const value = String(new FormData(e.currentTarget).get("office") ?? "");
          navigate(value ? `/population?office=${encodeURIComponent(value)}` : "/population");
        }}
      >
        <Label htmlFor="board-office">Office</Label>
        <div className="display-flex flex-align-end">
          <Select id="board-office" name="office" defaultValue={office} key={office}>
            <option value="">All offices</option>
            {offices.map((o) => (
              <option key={o.code} value={o.code}>
                {o.code} — {o.name}
              </option>
            ))}
          </Select>
          <Button type="submit" className="margin-left-1">
            Show
          </Button>
        </div>
      </form>
      <p>
        <a {...linkTo(`/placement${office ? `?office=${office}` : ""}`)}>Propose placements →</a>
      </p>
      {error && (
        <Alert type="error" headingLevel="h2" slim>
          {error}
        </Alert>
      )}
      {!board && !error && <p role="status">Loading the population board…</p>}
      {board && (
        <>
          <p role="status">
            {board.totals.held} held in {board.facilities.length} facilities of {where} against{" "}
            {board.totals.capacity} beds, as of {board.asOf} ({board.totals.male} men, {board.totals.female}{" "}
            women
            {board.totals.unknown ? `, ${board.totals.unknown} of unrecorded sex` : ""}).
          </p>
          <h2>Population over the last 30 days</h2>
          <PopulationChart series={board.history} label={`People held in ${where}`} />
          <h2>Facilities</h2>
          <Table fullWidth compact>
            <caption className="usa-sr-only">
              Occupancy against capacity by facility, sex and security level
            </caption>
            <thead>
              <tr>
                <th scope="col">Facility</th>
                <th scope="col">Office</th>
                <th scope="col">Men (held/beds)</th>
                <th scope="col">Women (held/beds)</th>
                <th scope="col">Sex not recorded</th>
                <th scope="col">By security level</th>
                <th scope="col">People</th>
              </tr>
            </thead>
            <tbody>
              {board.facilities.map((f) => (
                <Fragment key={f.code}>
                  <tr>
                    <th scope="row">
                      {f.code} {f.name}
                      <div className="font-body-3xs">
                        {f.city}, {f.state} · {f.kinds.join(", ").replace(/_/g, " ")}
                      </div>
                    </th>
                    <td>{f.officeCode}</td>
                    <td>
                      <OccupancyBar held={f.held.male} capacity={f.capacity.male} label={`${f.code} men`} />
                    </td>
                    <td>
                      <OccupancyBar
                        held={f.held.female}
                        capacity={f.capacity.female}
                        label={`${f.code} women`}
                      />
                    </td>
                    <td>{f.held.unknown}</td>
                    <td>{levelWords(f.byLevel)}</td>
                    <td>
                      <Button
                        type="button"
                        unstyled
                        aria-expanded={open === f.code}
                        onClick={() => setOpen(open === f.code ? null : f.code)}
                      >
                        {open === f.code ? "Hide" : "Show"} the {f.held.total} held
                        <span className="usa-sr-only"> at {f.code}</span>
                      </Button>
                    </td>
                  </tr>
                  {open === f.code && (
                    <tr>
                      <td colSpan={7}>
                        <FacilityPeople code={f.code} name={f.name} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </>
  );
}
