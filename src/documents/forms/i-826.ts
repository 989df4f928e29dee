/** I-826 Notice of Rights and Request for Disposition, in the person's language (NTA-06, DP-02). */
import { languageName } from "../i18n.js";
import { type FormSpec, identity } from "./shared.js";

export const i826Keys = [
  "label.name",
  "label.aNumber",
  "label.birthDate",
  "label.citizenship",
  "label.signature",
  "label.date",
  "label.officer",
  "label.languageOfNotice",
  "i826.title",
  "i826.intro",
  "i826.right.hearing",
  "i826.right.bond",
  "i826.right.counsel",
  "i826.right.consulate",
  "i826.right.phone",
  "i826.right.fear",
  "i826.right.statements",
  "i826.request.title",
  "i826.request.hearing",
  "i826.request.fear",
  "i826.request.return",
  "i826.certification",
] as const;

export const i826: FormSpec = {
  id: "I-826",
  title: "Notice of Rights and Request for Disposition",
  subtitle: "Read to the person in a language the person understands",
  audience: "person",
  translatedKeys: i826Keys,
  fields(ctx, need, lang) {
    const person = identity(ctx, need, ["citizenship", "birthDate"]);
    const language = languageName(lang);
    return {
      person,
      languageName: language,
      choice: ctx.details?.i826?.choice ?? "",
      textValues: { language },
    };
  },
};
