// Named filter sets of the client list, kept in this browser per user: the server has no
// endpoint for saved filters, so they do not follow the user to another device.
import { EMPTY_FILTER, type TClientFilter } from './types';

export type TSavedFilter = { name: string; filter: TClientFilter };

const key = (userId: string) => `kontor.clientFilters.${userId}`;

export function loadSavedFilters(userId: string): TSavedFilter[] {
  try {
    const raw = JSON.parse(localStorage.getItem(key(userId)) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((s: Partial<TSavedFilter>) =>
      typeof s?.name === 'string' && s.filter
        ? [{ name: s.name, filter: { ...EMPTY_FILTER, ...s.filter } }]
        : [],
    );
  } catch {
    // A damaged entry (edited by hand, another version) must not break the list page.
    return [];
  }
}

/** Saves under a name, replacing a set of the same name. */
export function saveFilter(userId: string, saved: TSavedFilter): TSavedFilter[] {
  const next = [...loadSavedFilters(userId).filter((s) => s.name !== saved.name), saved].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  localStorage.setItem(key(userId), JSON.stringify(next));
  return next;
}

export function deleteSavedFilter(userId: string, name: string): TSavedFilter[] {
  const next = loadSavedFilters(userId).filter((s) => s.name !== name);
  localStorage.setItem(key(userId), JSON.stringify(next));
  return next;
}
