/**
 * Opens a case from a scenario file (scenarios/examples, scenarios/rules):
 * the scenario's person facts (birthDate, citizenship, ...) go on the person,
 * the rest in person.facts; its events become the case's history. The court is
 * one of the scenario's circuit when it names one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TestApp } from "./app.js";

export interface ScenarioFile {
  id: string;
  config?: { circuit?: string };
  person: Record<string, unknown>;
  events: Record<string, unknown>[];
  action: { type: string; on: string } & Record<string, unknown>;
  expect: { outcome: string | string[]; rules: string[]; deadlines?: { kind: string; due: string }[] };
}

const root = join(import.meta.dirname, "..", "..", "scenarios");
const personColumns = ["birthDate", "sex", "birthCountry", "citizenship", "languages", "aNumber"];

export function scenario(name: string): ScenarioFile {
  const folder = /^SC-/.test(name) ? "examples" : "rules";
  return JSON.parse(readFileSync(join(root, folder, `${name}.json`), "utf8"));
}

export async function openScenarioCase(
  t: TestApp,
  username: string,
  s: ScenarioFile,
  officeCode: string,
  givenName = s.id,
) {
  const call = t.as(username);
  const person: Record<string, unknown> = { givenName, familyName: "Scenario", facts: {} };
  for (const [k, v] of Object.entries(s.person ?? {})) {
    if (personColumns.includes(k)) person[k] = v;
    else (person.facts as Record<string, unknown>)[k] = v;
  }
  let courtCode: string | undefined;
  if (s.config?.circuit) {
    const courts = await call("GET", "/api/v1/courts");
    courtCode = courts.body.items.find((c: { circuit: string }) => c.circuit === s.config?.circuit)?.code;
  }
  const r = await call("POST", "/api/v1/cases", {
    person,
    case: { kind: "removal_240", officeCode, ...(courtCode ? { courtCode } : {}) },
    events: s.events,
  });
  if (r.status !== 201) throw new Error(`could not open ${s.id}: ${JSON.stringify(r.body)}`);
  return r.body as { caseId: string; number: string; version: number };
}
