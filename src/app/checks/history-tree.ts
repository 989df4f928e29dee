/**
 * A case's whole history as a tree, for support: the case, then its events
 * grouped by phase (a phase = a run of events during which the case stayed
 * at one stage, named by that stage), each correction shown under the event
 * it supersedes, each review decision under its request. Pure: lines of text.
 */
import { projectCase, type StoredEvent } from "../../domain/case-state.js";
import type { CaseEvent } from "../../domain/events.js";

export interface TreeView {
  case: { number: string; kind: string; stage: string; version: number; office: { code: string } };
  person: { familyName: string; givenName: string; aNumberDisplay: string | null } | null;
  history: {
    seq: number;
    event: { on: string; at?: string; type: string } & Record<string, unknown>;
    superseded: boolean;
  }[];
}

interface Node {
  text: string;
  children: Node[];
}

function describe(e: Record<string, unknown>): string {
  const { on: _on, at: _at, type: _type, ...rest } = e;
  return Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" ");
}

const label = (h: TreeView["history"][number]) =>
  !h.event.on
    ? `#${h.seq} (withheld from your view: ${h.event.type ?? "restricted"})`
    : `#${h.seq} ${h.event.on}${h.event.at ? ` ${h.event.at}` : ""} ${h.event.type}${describe(h.event) ? ` ${describe(h.event)}` : ""}${h.superseded ? "  [superseded]" : ""}`;

export function historyTree(view: TreeView): string[] {
  const bySeq = new Map(view.history.map((h) => [h.seq, h]));
  const nodes = new Map<number, Node>();
  const phases: { stage: string; from: string; node: Node }[] = [];
  const effective: StoredEvent[] = [];
  const requests = new Map<string, Node>();
  let stage = "intake";
  for (const h of view.history) {
    const node: Node = { text: label(h), children: [] };
    nodes.set(h.seq, node);
    const e = h.event as unknown as CaseEvent & Record<string, unknown>;
    if (e.type === "event.superseded") {
      const target = nodes.get(Number(e.supersedes));
      node.text = `corrected by ${label(h)}`;
      if (target) {
        target.children.push(node);
        continue;
      }
    }
    if (e.type === "review.decided") {
      const req = requests.get(String(e.reviewId));
      if (req) {
        req.children.push(node);
        continue;
      }
    }
    if (e.type === "review.requested") requests.set(String(e.reviewId), node);
    if (!h.superseded && e.type !== "event.superseded") {
      effective.push({ seq: h.seq, event: e });
      stage = projectCase(effective).stage;
    }
    let phase = phases.at(-1);
    if (!phase || phase.stage !== stage) {
      phase = { stage, from: h.event.on, node: { text: "", children: [] } };
      phases.push(phase);
    }
    phase.node.children.push(node);
  }
  for (const p of phases)
    p.node.text = `${p.stage.replace(/_/g, " ")} (from ${p.from}, ${count(p.node)} events)`;
  const p = view.person;
  const root: Node = {
    text: `Case ${view.case.number} (${view.case.kind}, office ${view.case.office.code}) — stage ${view.case.stage}, version ${view.case.version}, ${bySeq.size} events`,
    children: [
      ...(p
        ? [
            {
              text: `Person ${p.familyName}, ${p.givenName}  ${p.aNumberDisplay ?? "no A-number"}`,
              children: [],
            },
          ]
        : []),
      ...phases.map((ph) => ph.node),
    ],
  };
  return render(root);
}

function count(n: Node): number {
  return n.children.reduce((s, c) => s + 1 + count(c), 0);
}

function render(root: Node): string[] {
  const out = [root.text];
  const walk = (n: Node, prefix: string) => {
    n.children.forEach((c, i) => {
      const last = i === n.children.length - 1;
      out.push(`${prefix}${last ? "└─ " : "├─ "}${c.text}`);
      walk(c, `${prefix}${last ? "   " : "│  "}`);
    });
  };
  walk(root, "");
  return out;
}
