/** Types and helpers of the documents panel (the shapes of /api/v1 documents endpoints). */
import { ApiFailure } from "../api.js";

export interface ServiceRecord {
  id: string;
  servedTo: string;
  method: string;
  on: string;
  at: string | null;
  lang: string;
  servedBy: string;
}

export interface DocumentMeta {
  id: string;
  form: string;
  lang: string;
  templateVersion: string;
  pdfSha256: string;
  pdfBytes: number;
  generatedBy: string;
  generatedAt: string;
  warnings: { code: string; message: string }[];
  services: ServiceRecord[];
}

export interface JobView {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
}

/** Forms immos prints (src/documents/forms); kept here so the web bundle does not load the renderer. */
export const forms: [id: string, title: string][] = [
  ["I-862", "Notice to Appear"],
  ["I-826", "Notice of Rights"],
  ["I-213", "Record of Deportable/Inadmissible Alien"],
  ["I-286", "Custody Determination"],
  ["I-200", "Warrant for Arrest"],
  ["I-205", "Warrant of Removal"],
  ["I-247A", "Immigration Detainer"],
  ["I-296", "Notice to Alien Ordered Removed"],
  ["I-220A", "Order of Release on Recognizance"],
  ["I-220B", "Order of Supervision"],
  ["EOIR-33", "Change of Address"],
  ["I-246", "Application for a Stay"],
  ["TRAVEL-DOC-REQUEST", "Travel document request"],
];

export const languages: [code: string, name: string][] = [
  ["en", "English"],
  ["es", "Spanish"],
  ["fr", "French"],
  ["pt", "Portuguese"],
  ["ar", "Arabic"],
  ["zh", "Chinese (simplified)"],
  ["ru", "Russian"],
  ["vi", "Vietnamese"],
];

/** An API failure in words, with every missing field or rule the server named. */
export function explain(err: unknown, fallback: string): string {
  if (!(err instanceof ApiFailure)) return fallback;
  const details = (err.error as { details?: { missing?: string[]; rules?: string[] } }).details;
  const parts = [err.message];
  if (details?.rules?.length) parts.push(`Rules: ${details.rules.join(", ")}.`);
  if (details?.missing?.length && !err.message.includes(details.missing[0])) {
    parts.push(`Missing: ${details.missing.join(", ")}.`);
  }
  return parts.join(" ");
}

export const pdfUrl = (id: string) => `/api/v1/documents/${id}/pdf`;
