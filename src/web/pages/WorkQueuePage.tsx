/**
 * The work queue: an office's open tasks (deadlines due or overdue, pending
 * reviews) or your own, earliest due first. Assign to yourself, hold until a
 * date (the task returns by itself), or mark done. A bar sums up the queue.
 */
import { Alert, Button, Label, Select, TextInput } from "@trussworks/react-uswds";
import { useCallback, useEffect, useState } from "react";
import { Temporal } from "temporal-polyfill";
import { api, type Me } from "../api.js";
import { humanize } from "../components/law-api.js";
import { linkTo } from "../router.js";

interface Task {
  id: string;
  kind: string;
  title: string;
  due: string | null;
  caseId: string;
  caseNumber: string;
  personName: string;
  assignee: string | null;
  overdue: boolean;
}

const tomorrow = () => Temporal.Now.plainDateISO().add({ days: 1 }).toString();

function urgencyOf(t: Task, today: string): { word: string; style: React.CSSProperties; group: 0 | 1 | 2 } {
  if (t.overdue) return { word: "Overdue", style: { background: "#b50909", color: "#fff" }, group: 0 };
  const days = t.due
    ? Temporal.PlainDate.from(today).until(Temporal.PlainDate.from(t.due.slice(0, 10)), {
        largestUnit: "days",
      }).days
    : 99;
  if (days <= 7)
    return {
      word: days === 0 ? "Due today" : `Due in ${days} days`,
      style: { background: "#ffbe2e", color: "#1b1b1b" },
      group: 1,
    };
  return { word: `In ${days} days`, style: { background: "#e6e6e6", color: "#1b1b1b" }, group: 2 };
}

/** Overdue, this week and later as one stacked bar, with the counts in words beside it. */
function Summary({ tasks, today }: { tasks: Task[]; today: string }) {
  const counts = [0, 0, 0];
  for (const t of tasks) counts[urgencyOf(t, today).group]++;
  const colors = ["#b50909", "#ffbe2e", "#a9aeb1"];
  const total = tasks.length || 1;
  return (
    <figure className="margin-x-0">
      <div
        aria-hidden="true"
        style={{ display: "flex", height: "1rem", width: "100%", maxWidth: "30rem", background: "#f0f0f0" }}
      >
        {counts.map((n, i) => (
          <span key={colors[i]} style={{ width: `${(n / total) * 100}%`, background: colors[i] }} />
        ))}
      </div>
      <figcaption>
        {counts[0]} overdue · {counts[1]} due within 7 days · {counts[2]} later
      </figcaption>
    </figure>
  );
}

function TaskRow({ t, today, onChanged }: { t: Task; today: string; onChanged: (msg: string) => void }) {
  const [until, setUntil] = useState(tomorrow());
  const [error, setError] = useState<string | null>(null);
  const u = urgencyOf(t, today);
  const act = async (path: string, body: unknown, msg: string) => {
    setError(null);
    try {
      await api("POST", `/tasks/${t.id}/${path}`, body);
      onChanged(msg);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Not done");
    }
  };
  const hid = `task-${t.id}`;
  return (
    <li className="border-top border-base-lighter padding-y-2">
      <h2 id={hid} className="font-heading-sm margin-y-0">
        {t.kind === "review" ? t.title : humanize(t.title)}
      </h2>
      <p className="margin-y-1">
        <span className="usa-tag text-no-uppercase font-body-2xs" style={u.style}>
          {u.word}
        </span>{" "}
        {t.due && <span className="text-mono">{t.due.replace("T", " ")}</span>} · case{" "}
        <a {...linkTo(`/cases/${t.caseId}`)}>{t.caseNumber}</a> · {t.personName}
        {t.assignee ? ` · assigned to ${t.assignee}` : " · unassigned"}
      </p>
      <div className="display-flex flex-align-end flex-wrap">
        <Button
          type="button"
          outline
          onClick={() => act("assign", { me: true }, `Assigned “${t.title}” to you.`)}
        >
          Assign to me
        </Button>
        <span className="margin-right-1">
          <Label htmlFor={`${hid}-until`} className="margin-top-0">
            Hold until
          </Label>
          <TextInput
            id={`${hid}-until`}
            name="until"
            type="date"
            value={until}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setUntil(e.target.value)}
          />
        </span>
        <Button
          type="button"
          outline
          onClick={() => act("hold", { until }, `Held “${t.title}” until ${until}.`)}
        >
          Hold
        </Button>
        <Button type="button" onClick={() => act("done", undefined, `Marked “${t.title}” done.`)}>
          Done
        </Button>
      </div>
      {error && (
        <Alert type="error" headingLevel="h3" heading="Not done" slim>
          {error}
        </Alert>
      )}
    </li>
  );
}

export function WorkQueuePage() {
  const [me, setMe] = useState<Me | null>(null);
  const [which, setWhich] = useState<string>("");
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    api<Me>("GET", "/me").then((m) => {
      setMe(m);
      setWhich(m.offices[0] ?? "mine");
    });
  }, []);
  const load = useCallback(() => {
    if (!which) return;
    setError(null);
    api<{ items: Task[] }>(
      "GET",
      which === "mine" ? "/queues/mine" : `/queues/${encodeURIComponent(which)}`,
    ).then(
      (r) => setTasks(r.items),
      (e) => setError(e instanceof Error ? e.message : "Could not load the queue"),
    );
  }, [which]);
  useEffect(load, [load]);
  const today = Temporal.Now.plainDateISO().toString();

  return (
    <>
      <h1>Work queue</h1>
      <Label htmlFor="queue-which">Queue</Label>
      <Select
        id="queue-which"
        name="queue"
        value={which}
        onChange={(e: React.ChangeEvent<HTMLSelectElement>) => setWhich(e.target.value)}
      >
        {me?.offices.map((o) => (
          <option key={o} value={o}>
            Office {o}
          </option>
        ))}
        <option value="mine">Assigned to me</option>
      </Select>
      <div aria-live="polite">
        {notice && (
          <Alert type="success" headingLevel="h2" heading="Queue updated" slim className="margin-top-2">
            {notice}
          </Alert>
        )}
      </div>
      {error && (
        <Alert type="error" headingLevel="h2" heading="Queue not available">
          {error}
        </Alert>
      )}
      {!tasks && !error && <p role="status">Loading the queue…</p>}
      {tasks && (
        <>
          <p role="status" className="margin-top-2">
            {tasks.length} open task{tasks.length === 1 ? "" : "s"}
          </p>
          <Summary tasks={tasks} today={today} />
          <ul className="usa-list usa-list--unstyled" aria-label="Tasks">
            {tasks.map((t) => (
              <TaskRow
                key={t.id}
                t={t}
                today={today}
                onChanged={(msg) => {
                  setNotice(msg);
                  load();
                }}
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
