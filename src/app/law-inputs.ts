/**
 * What the law engine needs about a stored case: the person's facts, the
 * effective history, and the configuration (controlling circuit from the
 * court, custody time zone from the office, closures and policy switches
 * recorded by an admin).
 */
import { effectiveEvents, type StoredEvent } from "../domain/case-state.js";
import type { PersonFacts } from "../domain/person-facts.js";
import type { Action, History, LawConfig, PolicySetting } from "../law/types.js";
import type { Tx } from "../store/db.js";
import type { CaseRow } from "../store/repositories/cases.js";
import { getPerson, type PersonRow } from "../store/repositories/persons.js";
import { getCourt, getOffice } from "../store/repositories/reference.js";
import { getSetting } from "../store/repositories/settings.js";
import { addTransferDistanceFacts } from "./detention/transfer-distance-facts.js";
import { loadHistory } from "./load-case.js";

export interface LawInputs {
  stored: StoredEvent[];
  history: History;
  config: LawConfig;
}

/**
 * With `action` (a `transfer`), DP-03's distance facts are computed from the record and merged
 * into that action object in place (src/app/detention/transfer-distance-facts.ts).
 */
export async function loadLawInputs(tx: Tx, row: CaseRow, action?: Action): Promise<LawInputs> {
  const [person, stored, court, office, closures, policy] = await Promise.all([
    getPerson(tx, row.personId),
    loadHistory(tx, row.id),
    row.courtCode ? getCourt(tx, row.courtCode) : undefined,
    getOffice(tx, row.officeCode),
    getSetting<string[]>(tx, "law", "closures"),
    getSetting<Record<string, PolicySetting>>(tx, "law", "policy"),
  ]);
  const inputs = lawInputsFrom({ person, stored, court, office, closures, policy });
  if (action) await addTransferDistanceFacts(tx, row, person, inputs.config, action);
  return inputs;
}

/** The same mapping from rows already loaded (the deadline sweep loads cases in batches). */
export function lawInputsFrom(rows: {
  person: PersonRow | undefined;
  stored: StoredEvent[];
  court: { circuit: string } | undefined;
  office: { tz: string } | undefined;
  closures: string[] | undefined;
  policy: Record<string, PolicySetting> | undefined;
}): LawInputs {
  const { person, stored, court, office, closures, policy } = rows;
  const facts = (person?.facts ?? {}) as Record<string, unknown>;
  const personFacts: PersonFacts = {
    ...facts,
    birthDate: person?.birthDate ?? undefined,
    birthCountry: person?.birthCountry ?? undefined,
    citizenship: person?.citizenship.length ? person.citizenship : undefined,
    languages: person?.languages.length ? person.languages : undefined,
    sex: (person?.sex as PersonFacts["sex"]) ?? undefined,
    aNumber: person?.aNumber ?? undefined,
    represented: person?.counselId ? true : (facts.represented as boolean | undefined),
  };
  const config: LawConfig = {
    circuit: court?.circuit,
    tz: office?.tz,
    classes: Array.isArray(facts.classes) ? (facts.classes as string[]) : undefined,
    closures: closures ?? [],
    policy: policy ?? {},
  };
  return {
    stored,
    history: { person: personFacts, events: effectiveEvents(stored).map((s) => s.event) },
    config,
  };
}
