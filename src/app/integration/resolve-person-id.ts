/**
 * A person's id survives a merge: the merged id redirects to the survivor. Resolving follows
 * the redirects (a chain when a survivor was itself merged later). The person view says when
 * it answered for another id.
 */

import { formatANumber } from "../../domain/a-number.js";
import { AppError } from "../../domain/errors.js";
import type { Tx } from "../../store/db.js";
import {
  casesOfPerson,
  getPersonRow,
  mergesOf,
  redirectOf,
  sourceRecordsOf,
} from "../../store/repositories/integration.js";
import { type Actor, authorize, can, inReach } from "../access.js";
import type { AppContext } from "../context.js";
import { isConfidentialAlias } from "../oversight/confidential.js";
import { redactSummary } from "../oversight/redaction.js";

/** The id a person id stands for now, and the ids passed through on the way. */
export async function resolvePersonId(tx: Tx, id: string): Promise<{ id: string; via: string[] }> {
  const via: string[] = [];
  let current = id;
  for (let hops = 0; hops < 64; hops++) {
    const redirect = await redirectOf(tx, current);
    if (!redirect) return { id: current, via };
    via.push(current);
    current = redirect.toId;
  }
  throw new AppError("internal", `person ${id}: redirect chain too long`);
}

/** GET /persons/:id: the person (after redirects), its cases, source records and merges. */
export async function getPersonView(ctx: AppContext, actor: Actor, id: string) {
  authorize(actor, "case.read");
  const db = ctx.database.db;
  const resolved = await resolvePersonId(db, id);
  const person = await getPersonRow(db, resolved.id);
  if (!person) throw new AppError("not_found", "person not found");
  const cases = await casesOfPerson(db, person.id);
  // Persons are reached through their cases; those who run imports see every person.
  if (
    !can(actor, "data.import") &&
    !cases.some((c) => inReach(actor, { officeCode: c.officeCode, counselId: person.counselId }))
  )
    throw new AppError("not_found", "person not found");
  const visibleCases = can(actor, "data.import")
    ? cases
    : cases.filter((c) => inReach(actor, { officeCode: c.officeCode, counselId: person.counselId }));
  return {
    requestedId: id,
    id: person.id,
    redirected: resolved.via.length > 0,
    redirectedFrom: resolved.via,
    person: {
      id: person.id,
      aNumber: person.aNumber,
      aNumberDisplay: person.aNumber ? formatANumber(person.aNumber) : null,
      givenName: person.givenName,
      familyName: person.familyName,
      // Names from confidential filings are never shown here (docs/oversight.md).
      aliases: (person.aliases as { kind?: string }[]).filter((a) => !isConfidentialAlias(a)),
      birthDate: person.birthDate,
      sex: person.sex,
      citizenship: person.citizenship,
      languages: person.languages,
      version: person.version,
    },
    // A case kind that exists only because of a protection claim (withholding_only) reads "restricted".
    cases: visibleCases.map((c) => redactSummary(c, actor)),
    sourceRecords: can(actor, "data.import") ? await sourceRecordsOf(db, person.id) : [],
    merges: (await mergesOf(db, person.id)).map((m) => ({
      ...m,
      mergedAt: m.mergedAt.toISOString(),
      splitAt: m.splitAt?.toISOString() ?? null,
    })),
  };
}
