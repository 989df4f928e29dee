/** immos documents: render case documents to PDF from a DocumentContext. */
export type { DocumentContext } from "./context.js";
export { documentContextSchema } from "./context.js";
export { DocumentIncompleteError, DocumentRefusedError, type LawViolation } from "./errors.js";
export { formIds, formSpecs } from "./forms/index.js";
export type { DocumentData, FormId } from "./forms/shared.js";
export { type RenderWarning, shippedLanguages } from "./i18n.js";
export {
  currentTemplateVersion,
  type RenderedDocument,
  type RenderRequest,
  renderDocument,
  renderFromData,
} from "./render.js";
