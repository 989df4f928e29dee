/**
 * Lookups the case generator needs, computed once per run from the
 * reference data: which offices are busy, the facilities of each kind and
 * the courts and counsel nearest each office.
 */
import { haversineKm } from "../placement/geo.js";
import type { CounselRow, CourtRow, FacilityRow, OfficeRow } from "../store/repositories/reference.js";
import { officeSeat, officeWeight } from "./places.js";
import type { Rng } from "./prng.js";

export type FacilityKind = "adult" | "family_residential" | "juvenile_licensed";

export interface Reference {
  offices: OfficeRow[];
  courts: CourtRow[];
  facilities: FacilityRow[];
  counsel: CounselRow[];
}

interface OfficeLookups {
  office: OfficeRow;
  /** Per kind, facilities nearest first (the office's own are nearest). */
  facilities: Record<FacilityKind, FacilityRow[]>;
  courts: CourtRow[];
  counsel: CounselRow[];
}

export class World {
  private readonly byOffice = new Map<string, OfficeLookups>();
  private readonly weightedOffices: (readonly [OfficeLookups, number])[];
  readonly courtByCode: Map<string, CourtRow>;

  constructor(readonly ref: Reference) {
    this.courtByCode = new Map(ref.courts.map((c) => [c.code, c]));
    for (const office of ref.offices) {
      const seat = officeSeat[office.code] ?? { lat: ref.courts[0].lat, lon: ref.courts[0].lon };
      const km = (p: { lat: number; lon: number }) => haversineKm(seat.lat, seat.lon, p.lat, p.lon);
      const nearest = <T extends { lat: number; lon: number }>(rows: readonly T[], n: number) =>
        rows
          .map((r) => [r, km(r)] as const)
          .sort((a, b) => a[1] - b[1])
          .slice(0, n)
          .map(([r]) => r);
      const ofKind = (k: FacilityKind) => {
        const own = ref.facilities.filter((f) => f.officeCode === office.code && f.kinds.includes(k));
        return own.length
          ? own
          : nearest(
              ref.facilities.filter((f) => f.kinds.includes(k)),
              2,
            );
      };
      this.byOffice.set(office.code, {
        office,
        facilities: {
          adult: ofKind("adult"),
          family_residential: ofKind("family_residential"),
          juvenile_licensed: ofKind("juvenile_licensed"),
        },
        courts: nearest(ref.courts, 2),
        counsel: nearest(ref.counsel, 25),
      });
    }
    this.weightedOffices = [...this.byOffice.values()].map(
      (o) => [o, officeWeight[o.office.code] ?? 1] as const,
    );
  }

  pickOffice(rng: Rng): OfficeLookups {
    return rng.weighted(this.weightedOffices);
  }

  /**
   * A facility of `kind` with beds for this person's sex (adult facilities favour the bigger ones): a
   * woman is never booked into a facility without female beds. When none of the office's facilities
   * of that kind has such beds, the two nearest anywhere that do.
   */
  pickFacility(rng: Rng, office: OfficeLookups, kind: FacilityKind, sex: "F" | "M"): FacilityRow {
    const beds = (f: FacilityRow) => (sex === "F" ? f.bedsFemale : f.bedsMale);
    let list = office.facilities[kind].filter((f) => beds(f) > 0);
    if (list.length === 0) list = this.nearestWithBeds(office, kind, beds);
    if (kind !== "adult") return rng.pick(list);
    return rng.weighted(list.map((f) => [f, beds(f)] as const));
  }

  private nearestWithBeds(
    office: OfficeLookups,
    kind: FacilityKind,
    beds: (f: FacilityRow) => number,
  ): FacilityRow[] {
    const seat = officeSeat[office.office.code] ?? {
      lat: this.ref.courts[0].lat,
      lon: this.ref.courts[0].lon,
    };
    return this.ref.facilities
      .filter((f) => f.kinds.includes(kind) && beds(f) > 0)
      .map((f) => [f, haversineKm(seat.lat, seat.lon, f.lat, f.lon)] as const)
      .sort((a, b) => a[1] - b[1])
      .slice(0, 2)
      .map(([f]) => f);
  }

  /** The court that hears a detained case: the one serving the facility. */
  courtFor(facility: FacilityRow): CourtRow | undefined {
    return facility.courtCode ? this.courtByCode.get(facility.courtCode) : undefined;
  }
}

export type { OfficeLookups };
