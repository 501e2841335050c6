// Builds a CSV file in the browser: there is no export endpoint on the server yet.
import { api, queryString } from '../../lib/api';
import { filterQuery, type TClientFilter, type TClientRow, type TPage } from './types';

// A cell a spreadsheet would read as a formula is made text (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string, separator: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = safe.includes(separator) || /["\r\n]/.test(safe) || safe !== safe.trim();
  return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows to CSV text with a BOM, so Excel opens UTF-8 (umlauts, Polish, Cyrillic) correctly. */
export function toCsv(rows: string[][], separator: string): string {
  const lines = rows.map((r) => r.map((c) => csvCell(c, separator)).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** English spreadsheets split on commas; German, Polish and Russian ones (decimal comma) on `;`. */
export function csvSeparator(locale: string): string {
  return locale === 'en' ? ',' : ';';
}

/** Every page of the filter, in order; `onProgress` hears the count loaded so far. */
export async function fetchAllClients(
  filter: TClientFilter,
  onProgress: (loaded: number) => void,
  signal?: AbortSignal,
): Promise<TClientRow[]> {
  const all: TClientRow[] = [];
  let cursor = '';
  do {
    const page = await api<TPage<TClientRow>>(
      `/clients${queryString({ ...filterQuery(filter), limit: 200, cursor })}`,
      { signal },
    );
    all.push(...page.items);
    onProgress(all.length);
    cursor = page.nextCursor ?? '';
  } while (cursor);
  return all;
}

/** Offers a file for download without a server round trip. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Chromium reads the blob after the click returns; revoke a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
