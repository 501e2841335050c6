// The clients this user opened last, in this browser (the desk lists them).
const KEY = 'kontor.recentClients';
const KEEP = 8;

export type TRecent = { id: string; name: string };

export function recentClients(userId: string): TRecent[] {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, TRecent[]>;
    return Array.isArray(all[userId]) ? all[userId] : [];
  } catch {
    return [];
  }
}

export function rememberClient(userId: string, client: TRecent): void {
  const all = (() => {
    try {
      return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, TRecent[]>;
    } catch {
      return {};
    }
  })();
  all[userId] = [client, ...recentClients(userId).filter((c) => c.id !== client.id)].slice(0, KEEP);
  localStorage.setItem(KEY, JSON.stringify(all));
}
