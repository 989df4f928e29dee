/** EOIR-33 Change of Address / Contact Information (NTA-07): the only address EOIR uses for notices. */
import { type FormSpec, formatAddress, formatPlace, identity, NONE } from "./shared.js";

export const eoir33: FormSpec = {
  id: "EOIR-33",
  title: "Change of Address / Contact Information",
  subtitle: "For the immigration court; to be filed within five working days of a change",
  audience: "person_and_court",
  translatedKeys: [],
  fields(ctx, need) {
    const person = identity(ctx, need, ["aNumber"]);
    const d = ctx.details?.eoir33;
    return {
      person,
      court: need.value("court", formatPlace(ctx.case.court)) ?? "",
      newAddress: need.value("newAddress", formatAddress(d?.newAddress)) ?? "",
      mailingAddress: formatAddress(d?.mailingAddress) ?? "Same as above",
      phone: d?.phone ?? NONE,
      email: d?.email ?? NONE,
      effectiveOn: need.value("effectiveOn", d?.effectiveOn) ?? "",
      serviceOnDhs: {
        office: need.value("dhsOffice", formatPlace(ctx.case.office)) ?? "",
        method: need.value("serviceMethod", d?.serviceMethod) ?? "",
      },
      counsel: ctx.counsel ? `${ctx.counsel.name}, ${formatAddress(ctx.counsel.address)}` : NONE,
    };
  },
};
