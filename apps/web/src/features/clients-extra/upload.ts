// Uploading a document's file: `api()` speaks JSON only, and a version's body is the raw file
// (POST /documents/{id}/versions, streamed by the server), so this one request is made by hand.
import { ApiError, api } from '../../lib/api';
import type { TDocument } from './types';

function csrfToken(): string {
  const match = document.cookie.split('; ').find((c) => c.startsWith('kontor_csrf='));
  return match ? decodeURIComponent(match.slice('kontor_csrf='.length)) : '';
}

export async function uploadVersion(documentId: string, file: File): Promise<TDocument> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/documents/${documentId}/versions`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/octet-stream',
        'x-csrf-token': csrfToken(),
        'x-file-name': encodeURIComponent(file.name),
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message);
  }
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const detail = (data.detail ?? data.title ?? res.statusText) as string;
    throw new ApiError(res.status, (data.code as ApiError['code']) ?? 'internal', detail, [], data);
  }
  return data as unknown as TDocument;
}

/** A document on the client, then its first version; the document is made first to get its id. */
export async function createDocumentWithFile(
  body: { clientId: string; title: string; category: string },
  file: File,
): Promise<TDocument> {
  const created = await api<TDocument>('/documents', { method: 'POST', body });
  return uploadVersion(created.id, file);
}

export function contentUrl(documentId: string, version: number): string {
  return `/api/v1/documents/${documentId}/versions/${version}/content`;
}
