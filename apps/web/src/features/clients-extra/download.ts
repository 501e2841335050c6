// Downloads a file the server builds (the client export): the session cookie, the user's language
// for the headings, and the server's refusal as an ApiError like every other call.
import type { TProblem } from '@kontor/contracts';
import { ApiError } from '../../lib/api';

function fileNameOf(res: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

async function refusal(res: Response): Promise<ApiError> {
  const problem = ((await res.json().catch(() => ({}))) ?? {}) as Partial<TProblem>;
  return new ApiError(
    res.status,
    problem.code ?? 'internal',
    problem.detail ?? problem.title ?? res.statusText,
    problem.errors,
    problem as Record<string, unknown>,
  );
}

/** Fetches `/api/v1${path}` and hands it to the browser as a download; throws the server's error. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = {};
  if (document.documentElement.lang) headers['accept-language'] = document.documentElement.lang;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { headers, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message);
  }
  if (!res.ok) throw await refusal(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  // Chromium reads the blob after the click returns; revoke a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
