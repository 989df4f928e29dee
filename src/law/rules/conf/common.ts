/** Shared pieces of the CONF rules: which actions disclose, which start enforcement, consent and exceptions. */
import type { Action } from "../../types.js";

export const disclosureActions = ["disclose", "travel_document.send", "consular.notify"];
/** Enforcement initiation and adverse steps (CONF-03). */
export const initiationActions = ["warrant.issue", "nta.serve", "detainer.issue", "arrest.make"];

export const consented = (a: Action) => a.consent === true || a.authorized === true;
export const exceptionOf = (a: Action) =>
  typeof a.exception === "string" && a.exception.trim() ? a.exception.trim() : undefined;
export const list = (items: string[]) => items.map((i) => i.replace(/_/g, " ")).join(", ");
