/**
 * Synthetic document contexts for tests, the benchmark and demos. Every
 * person, number and address here is invented.
 */
import type { DocumentContext } from "./context.js";

export function sampleContext(overrides: Partial<DocumentContext> = {}): DocumentContext {
  return {
    person: {
      names: { given: "Ana María", family: "Quintero Robles" },
      aliases: ["Ana Quintero"],
      aNumber: "A201-555-014",
      birthDate: "1991-07",
      birthCountry: "HN",
      citizenship: ["HN"],
      languages: ["es"],
      sex: "F",
      address: { line1: "1457 Alder Court, Apt 3", city: "Riverside", state: "CA", postalCode: "92501" },
      phone: "(951) 555-0142",
    },
    case: {
      id: "CASE-2025-000142",
      kind: "removal_240",
      court: {
        name: "Immigration Court, Los Angeles (Olive)",
        address: {
          line1: "606 S Olive St, 15th Floor",
          city: "Los Angeles",
          state: "CA",
          postalCode: "90014",
        },
      },
      office: {
        name: "Los Angeles Field Office",
        address: { line1: "300 N Los Angeles St", city: "Los Angeles", state: "CA", postalCode: "90012" },
      },
    },
    events: [
      { on: "2019-05-02", type: "entry", manner: "ewi" },
      { on: "2025-02-20", type: "encounter", location: "traffic_stop", source: "record_check" },
      { on: "2025-02-20", at: "14:10", type: "arrest", basis: "i200", location: "street" },
      {
        on: "2025-02-21",
        type: "custody.booked",
        facility: { code: "ADL", kind: "adult" },
        authority: "236a",
      },
    ],
    officer: { name: "Jordan Ellis", title: "Supervisory Deportation Officer" },
    issuedOn: "2025-03-01",
    details: {
      nta: {
        charges: [
          {
            section: "212(a)(6)(A)(i)",
            description: "an alien present in the United States without being admitted or paroled",
          },
        ],
        hearing: {
          date: "2025-04-09",
          time: "09:00",
          place: "606 S Olive St, 15th Floor, Los Angeles, CA 90014",
        },
        entryPlace: "Calexico, California",
      },
    },
    ...overrides,
  };
}

/** A case history rich enough for every form; each test removes what it wants missing. */
export function fullContext(overrides: Partial<DocumentContext> = {}): DocumentContext {
  const base = sampleContext();
  return {
    ...base,
    events: [
      ...base.events,
      { on: "2025-02-21", type: "custody.determination", decision: "bond", bond: 5000 },
      {
        on: "2025-03-05",
        type: "nta.served",
        hearing: {
          date: "2025-04-09",
          time: "09:00",
          place: "606 S Olive St, 15th Floor, Los Angeles, CA 90014",
        },
        servedTo: "person",
        method: "personal",
      },
      { on: "2025-01-10", type: "charge.filed", category: "driving without a licence" },
      {
        on: "2025-09-15",
        type: "order.issued",
        by: "IJ",
        kind: "removal",
        delivery: "oral",
        countries: ["HN"],
      },
      { on: "2025-11-20", type: "departure.verified", country: "HN", via: "charter flight" },
    ],
    facility: {
      code: "ADL",
      name: "Adelanto Processing Center",
      address: { line1: "10400 Rancho Rd", city: "Adelanto", state: "CA", postalCode: "92301" },
    },
    counsel: {
      name: "Lucía Ferreira",
      address: { line1: "200 Spring St, Suite 4", city: "Los Angeles", state: "CA", postalCode: "90012" },
      eoirId: "ZX123456",
    },
    details: {
      ...base.details,
      i200: { basis: ["biometric_match", "statements"] },
      i205: { portOfEntry: "Calexico, CA" },
      i213: {
        narrative:
          "Subject was encountered during a records check after a traffic stop and admitted entering without inspection.",
        disposition: "Notice to Appear; bond set at 5,000 dollars.",
      },
      i247a: {
        agency: {
          name: "Riverside County Sheriff, Robert Presley Detention Center",
          address: { line1: "4000 Orange St", city: "Riverside", state: "CA", postalCode: "92501" },
        },
        basis: "proceedings_pending",
        warrant: { form: "I-200", number: "W-2025-0091", signedBy: "Jordan Ellis", signedOn: "2025-02-20" },
      },
      i296: { barYears: 10 },
      release: {
        reportTo: {
          name: "Los Angeles Field Office",
          address: { line1: "300 N Los Angeles St", city: "Los Angeles", state: "CA", postalCode: "90012" },
        },
        schedule: "in person, every first Monday of the month",
        reportFirstOn: "2025-04-07",
        conditions: ["Enrolment in a telephone check-in programme"],
      },
      eoir33: {
        newAddress: { line1: "88 Palm Row", city: "San Bernardino", state: "CA", postalCode: "92401" },
        effectiveOn: "2025-05-02",
        serviceMethod: "mail",
      },
      i246: {
        stayUntil: "2026-03-01",
        reasons: "Medical treatment of a U.S.-citizen child scheduled through February 2026.",
        passport: { number: "H0994410", country: "HN", expiresOn: "2028-06-30" },
      },
      travelDocument: {
        country: "HN",
        consulate: {
          name: "Consulate General of Honduras",
          address: {
            line1: "3550 Wilshire Blvd, Suite 320",
            city: "Los Angeles",
            state: "CA",
            postalCode: "90010",
          },
        },
      },
    },
    ...overrides,
  };
}
