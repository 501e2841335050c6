// The one way the app talks to Kontor's API: JSON in and out, the session cookie, the CSRF token
// on every write, and problem+json errors turned into ApiError with the server's field errors.
import type { TErrorCode, TFieldError, TProblem } from '@kontor/contracts';

const CSRF_COOKIE = 'kontor_csrf';

export class ApiError extends Error {
  readonly status: number;
  readonly code: TErrorCode | 'network';
  readonly fields: TFieldError[];
  /** The whole problem document: some carry more (a duplicate warning its candidates). */
  readonly problem: Record<string, unknown>;

  constructor(
    status: number,
    code: TErrorCode | 'network',
    message: string,
    fields: TFieldError[] = [],
    problem: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.problem = problem;
  }

  /** The server's message for one field (`body.email` and `email` both match `email`). */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field || f.field.endsWith(`.${field}`))?.message;
  }
}

function csrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : undefined;
}

type TRequest = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
};

export async function api<T>(path: string, { method = 'GET', body, signal }: TRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // The server words its field errors in the language the interface shows (set by setLocale).
  if (document.documentElement.lang) headers['accept-language'] = document.documentElement.lang;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', (error as Error).message);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const problem = (data ?? {}) as Partial<TProblem>;
    throw new ApiError(
      res.status,
      problem.code ?? 'internal',
      problem.detail ?? problem.title ?? res.statusText,
      problem.errors,
      problem as Record<string, unknown>,
    );
  }
  return data as T;
}

/** The query string of a filter object; empty values are left out. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
