/**
 * Creates a movement: a flight or ground movement to one country, with its
 * departure date and time (in a time zone), staging facility, seats and the
 * officer in charge (who receives the gate's alerts).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { clockTime, country, isoDate } from "../../domain/events.js";
import { getMovement, insertMovement } from "../../store/repositories/movements.js";
import { getFacility, getOffice } from "../../store/repositories/reference.js";
import { getUser, getUserByName } from "../../store/repositories/users.js";
import { type Actor, authorize, can, officeScope, type Role } from "../access.js";
import { type AppContext, today, writeWithAudit } from "../context.js";

const validZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const createMovementInput = z.object({
  kind: z.enum(["flight", "ground"]),
  country,
  label: z.string().trim().max(200).optional(),
  departOn: isoDate,
  departAt: clockTime,
  /** IANA zone of the departure time; defaults to the staging facility's office zone. */
  tz: z.string().refine(validZone, "expected an IANA time zone, e.g. America/Chicago").optional(),
  stagingFacilityCode: z.string().min(1),
  seats: z.number().int().min(1).max(1000),
  /** User name or id of the officer in charge; defaults to the creator. */
  officerInCharge: z.string().min(1).optional(),
});
export type CreateMovementInput = z.input<typeof createMovementInput>;

export async function createMovement(ctx: AppContext, actor: Actor, raw: CreateMovementInput) {
  const input = createMovementInput.parse(raw);
  if (input.departOn < today(ctx))
    throw new AppError("invalid_input", `${input.departOn} is in the past`, "departOn");
  const id = randomUUID();
  return writeWithAudit(
    ctx,
    actor,
    { action: "movement.create", entity: "movement", entityId: id, detail: { ...input } },
    async (tx) => {
      const facility = await getFacility(tx, input.stagingFacilityCode);
      if (!facility)
        throw new AppError(
          "invalid_input",
          `unknown facility ${input.stagingFacilityCode}`,
          "stagingFacilityCode",
        );
      authorize(actor, "case.write", { officeCode: facility.officeCode });
      const office = await getOffice(tx, facility.officeCode);
      const ref = input.officerInCharge ?? actor.id;
      const officer = /^[0-9a-f-]{36}$/i.test(ref) ? await getUser(tx, ref) : await getUserByName(tx, ref);
      if (!officer?.active)
        throw new AppError(
          "invalid_input",
          `the officer in charge receives the gate's alerts and must be an active user (${ref} is not): name one (CLI: --officer <user>)`,
          "officerInCharge",
        );
      const officerActor = { ...officer, role: officer.role as Role };
      const national = officeScope(officerActor) === null;
      if (!can(officerActor, "case.write") || !(national || officer.offices.includes(facility.officeCode)))
        throw new AppError(
          "invalid_input",
          `${officer.username} cannot be in charge: needs case.write in office ${facility.officeCode}`,
          "officerInCharge",
        );
      const number = `MV-${input.departOn.replaceAll("-", "")}-${input.country}-${randomBytes(2).toString("hex").toUpperCase()}`;
      const now = ctx.now();
      await insertMovement(tx, {
        id,
        number,
        kind: input.kind,
        country: input.country,
        label: input.label ?? null,
        departOn: input.departOn,
        departAt: input.departAt,
        tz: input.tz ?? office?.tz ?? "America/New_York",
        stagingFacilityCode: facility.code,
        officeCode: facility.officeCode,
        seats: input.seats,
        officerInCharge: officer.id,
        status: "open",
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      const row = await getMovement(tx, id);
      if (!row) throw new Error("movement vanished after insert");
      return row;
    },
  );
}
