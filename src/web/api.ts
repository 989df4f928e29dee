/** The web app's client for /api/v1: same-origin, session cookie, one error shape. */
export interface ApiError {
  code: string;
  message: string;
  field?: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
  }
}

/** The double-submit CSRF token the server hands out in a cookie (src/http/csrf.ts). */
export function csrfToken(): string | undefined {
  return /(?:^|;\s*)immos_csrf=([^;]+)/.exec(document.cookie)?.[1];
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const token = csrfToken();
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: "same-origin",
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(token && method !== "GET" ? { "x-csrf-token": token } : {}),
      ...extraHeaders,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const payload = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new ApiFailure(res.status, payload.error ?? { code: "internal", message: `HTTP ${res.status}` });
  return payload as T;
}

export interface Me {
  username: string;
  displayName: string;
  role: string;
  offices: string[];
}

export interface CaseSummary {
  id: string;
  number: string;
  stage: string;
  kind: string;
  officeCode: string;
  facilityCode: string | null;
  lastEventOn: string | null;
  givenName: string;
  familyName: string;
  aNumber: string | null;
  birthDate: string | null;
  citizenship: string[];
}

export interface HistoryItem {
  seq: number;
  event: { on: string; at?: string; type: string } & Record<string, unknown>;
  superseded: boolean;
  recordedAt?: string;
}

export interface CaseView {
  case: {
    id: string;
    number: string;
    kind: string;
    stage: string;
    version: number;
    office: { code: string; name: string };
    court: { code: string; name: string; circuit: string } | null;
    facility: { code: string; name: string; city: string; state: string } | null;
    state: {
      custody: string;
      nextHearing: { date: string; time?: string; place?: string } | null;
      flags: string[];
      order: { kind: string; on: string; countries: string[] } | null;
    };
  };
  person: {
    id: string;
    aNumberDisplay: string | null;
    givenName: string;
    familyName: string;
    aliases: { given: string; family: string; script?: string; kind?: string }[];
    birthDate: string | null;
    sex: string | null;
    citizenship: string[];
    languages: string[];
    counsel: { name: string; firm: string | null; city: string; state: string } | null;
  };
  history: HistoryItem[];
  /** Confidential parts (docs/oversight.md): purposeRequired asks the reader for a purpose of access. */
  confidentiality?: { purposeRequired: boolean; purpose?: string };
}
