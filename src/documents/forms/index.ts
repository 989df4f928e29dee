/** The registry of immos document forms. */
import { eoir33 } from "./eoir-33.js";
import { i200 } from "./i-200.js";
import { i205 } from "./i-205.js";
import { i213 } from "./i-213.js";
import { i220a } from "./i-220a.js";
import { i220b } from "./i-220b.js";
import { i246 } from "./i-246.js";
import { i247a } from "./i-247a.js";
import { i286 } from "./i-286.js";
import { i296 } from "./i-296.js";
import { i826 } from "./i-826.js";
import { i862 } from "./i-862.js";
import type { FormId, FormSpec } from "./shared.js";
import { travelDocRequest } from "./travel-doc-request.js";

export const formSpecs: Record<FormId, FormSpec> = {
  "I-862": i862,
  "I-200": i200,
  "I-205": i205,
  "I-213": i213,
  "I-286": i286,
  "I-247A": i247a,
  "I-826": i826,
  "I-296": i296,
  "I-220A": i220a,
  "I-220B": i220b,
  "EOIR-33": eoir33,
  "I-246": i246,
  "TRAVEL-DOC-REQUEST": travelDocRequest,
};

export const formIds = Object.keys(formSpecs) as FormId[];

export function isFormId(form: string): form is FormId {
  return Object.hasOwn(formSpecs, form);
}
