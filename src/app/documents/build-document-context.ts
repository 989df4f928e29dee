/**
 * The DocumentContext of a stored case: the person (identity, address and
 * phone from persons.facts), the effective history (superseded events left
 * out), counsel of record, facility, office and court, and the signing
 * officer (the user generating the document).
 *
 * Reference tables hold no street addresses. An admin may record them in the
 * setting documents/addresses ({ offices, courts, facilities: { CODE:
 * Address } }); otherwise the document says the street is not recorded
 * rather than invent one.
 */

import { type Address, addressSchema } from "../../documents/context.js";
import type { DocumentContext } from "../../documents/index.js";
import { formatANumber } from "../../domain/a-number.js";
import { effectiveEvents } from "../../domain/case-state.js";
import type { Tx } from "../../store/db.js";
import type { CaseRow } from "../../store/repositories/cases.js";
import { getPerson } from "../../store/repositories/persons.js";
import { getCounsel, getCourt, getFacility, getOffice } from "../../store/repositories/reference.js";
import { getSetting } from "../../store/repositories/settings.js";
import type { Actor, Role } from "../access.js";
import { loadHistory } from "../load-case.js";

export const STREET_NOT_RECORDED = "(street address not recorded)";

type AddressBook = Partial<Record<"offices" | "courts" | "facilities", Record<string, unknown>>>;

const titles: Record<Role, string> = {
  officer: "Immigration Officer",
  supervisor: "Supervisory Immigration Officer",
  admin: "Immigration Officer (system administrator)",
  counsel: "Counsel",
  detention_manager: "Detention Manager",
  analyst: "Analyst",
  auditor: "Auditor",
};

function addressOf(
  book: AddressBook | undefined,
  kind: keyof AddressBook,
  code: string,
  city: string,
  state: string,
): Address {
  const recorded = addressSchema.safeParse(book?.[kind]?.[code]);
  return recorded.success ? recorded.data : { line1: STREET_NOT_RECORDED, city, state, country: "US" };
}

/** An alias as printed; names from a confidential filing (kind "protected", 8 U.S.C. 1367) never print. */
function nameOfAlias(alias: unknown): string | undefined {
  if (typeof alias === "string") return alias;
  const a = alias as { given?: string; family?: string; kind?: string } | null;
  if (a?.kind === "protected") return undefined;
  const name = [a?.given, a?.family].filter(Boolean).join(" ");
  return name || undefined;
}

export interface ContextOptions {
  actor: Actor;
  issuedOn: string;
  details?: DocumentContext["details"];
}

export async function buildDocumentContext(
  tx: Tx,
  row: CaseRow,
  opts: ContextOptions,
): Promise<DocumentContext> {
  const [person, stored, office, court, facility, book] = await Promise.all([
    getPerson(tx, row.personId),
    loadHistory(tx, row.id),
    getOffice(tx, row.officeCode),
    row.courtCode ? getCourt(tx, row.courtCode) : undefined,
    row.facilityCode ? getFacility(tx, row.facilityCode) : undefined,
    getSetting<AddressBook>(tx, "documents", "addresses"),
  ]);
  if (!person) throw new Error(`case ${row.number} has no person`);
  const counsel = person.counselId ? await getCounsel(tx, person.counselId) : undefined;
  const facts = (person.facts ?? {}) as Record<string, unknown>;
  const address = addressSchema.safeParse(facts.address);
  const aliases = (Array.isArray(person.aliases) ? person.aliases : [])
    .map(nameOfAlias)
    .filter((a): a is string => !!a);
  return {
    person: {
      names: { given: person.givenName, family: person.familyName },
      aliases,
      aNumber: person.aNumber ? formatANumber(person.aNumber) : undefined,
      birthDate: person.birthDate ?? undefined,
      birthCountry: person.birthCountry ?? undefined,
      citizenship: person.citizenship,
      languages: person.languages,
      sex: (person.sex as "F" | "M" | "X" | null) ?? undefined,
      address: address.success ? address.data : undefined,
      phone: typeof facts.phone === "string" ? facts.phone : undefined,
    },
    case: {
      id: row.number,
      kind: row.kind,
      office: office && {
        name: office.name,
        address: addressOf(book, "offices", office.code, office.city, office.state),
      },
      court: court && {
        name: court.name,
        address: addressOf(book, "courts", court.code, court.city, court.state),
      },
    },
    events: effectiveEvents(stored).map((s) => s.event),
    counsel: counsel && {
      name: counsel.firm ? `${counsel.name}, ${counsel.firm}` : counsel.name,
      address: { line1: STREET_NOT_RECORDED, city: counsel.city, state: counsel.state, country: "US" },
      eoirId: counsel.eoirId ?? undefined,
    },
    facility: facility && {
      code: facility.code,
      name: facility.name,
      address: addressOf(book, "facilities", facility.code, facility.city, facility.state),
    },
    officer: { name: opts.actor.displayName, title: titles[opts.actor.role] },
    issuedOn: opts.issuedOn,
    details: opts.details,
  };
}
