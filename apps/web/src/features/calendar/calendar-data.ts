// The calendar's week (Monday to Sunday in this browser's time zone, as the firm plans) and what
// falls on its days: the owner's appointments and the open tasks due then, every page of each.
import type { TActivityKind } from '@kontor/contracts';
import { useQuery } from '@tanstack/react-query';
import { currentLocale } from '../../i18n';
import { api, queryString } from '../../lib/api';
import { isAppointment } from '../activities/activities-api';

export type TEntry = {
  id: string;
  kind: TActivityKind;
  clientId: string;
  caseId: string | null;
  subject: string;
  plannedAt: string | null;
  at: string;
  done: boolean;
};
export type TCalendarTask = {
  id: string;
  title: string;
  caseId: string | null;
  clientId: string | null;
  dueAt: string | null;
  overdue: boolean;
};
type TPage<T> = { items: T[]; nextCursor: string | null };

export const calendarKeys = { all: ['calendar'] as const };

/** Midnight of the Monday of the week `day` falls in, local time. */
export function weekStart(day: Date): Date {
  const start = new Date(day);
  start.setHours(0, 0, 0, 0);
  // getDay: Sunday 0 … Saturday 6; the firm's week starts on Monday.
  start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  return start;
}

/** `days` days later at the same wall-clock time (setDate keeps midnight across DST changes). */
export function addDays(day: Date, days: number): Date {
  const next = new Date(day);
  next.setDate(next.getDate() + days);
  return next;
}

/** The local calendar day of an instant, as YYYY-MM-DD (to group by). */
export function dayKey(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${currentLocale()}:${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(currentLocale(), options);
    formats.set(key, f);
  }
  return f;
}

/** "Monday, 30 November" in the user's language. */
export function dayTitle(day: Date): string {
  return format({ weekday: 'long', day: 'numeric', month: 'long' }).format(day);
}

/** "30 Nov – 6 Dec 2026" in the user's language. */
export function weekRange(start: Date): string {
  return format({ dateStyle: 'medium' }).formatRange(start, addDays(start, 6));
}

/** Every page of a list (a busy week can fill more than one); capped so a runaway list ends. */
async function allPages<T>(path: string, params: Record<string, string | number | undefined>) {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await api<TPage<T>>(`${path}${queryString({ ...params, limit: 200, cursor })}`);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

/**
 * When the calendar shows an entry: its planned time where it has one (an appointment held early
 * stays in its slot), else when it happened.
 */
export function whenOf(e: TEntry): string {
  return e.plannedAt ?? e.at;
}

export type TDay = { day: Date; key: string; entries: TEntry[]; tasks: TCalendarTask[] };

function groupByDay(start: Date, entries: TEntry[], tasks: TCalendarTask[]): TDay[] {
  const days = Array.from({ length: 7 }, (_, i) => addDays(start, i)).map((day) => ({
    day,
    key: dayKey(day),
    entries: [] as TEntry[],
    tasks: [] as TCalendarTask[],
  }));
  const byKey = new Map(days.map((d) => [d.key, d]));
  for (const e of entries) if (isAppointment(e)) byKey.get(dayKey(whenOf(e)))?.entries.push(e);
  for (const task of tasks) if (task.dueAt) byKey.get(dayKey(task.dueAt))?.tasks.push(task);
  for (const d of days) {
    d.entries.sort((a, b) => whenOf(a).localeCompare(whenOf(b)));
    d.tasks.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
  }
  return days;
}

/**
 * The week from `start` of `owner` (`me` or a user id). Tasks only for who may see them; the list
 * of tasks has no lower bound on the due time, so only open ones are asked for (few lie before).
 */
export function useWeek(start: Date, owner: string, withTasks: boolean) {
  const from = start.toISOString();
  const to = addDays(start, 7).toISOString();
  return useQuery({
    queryKey: [...calendarKeys.all, owner, from, withTasks],
    queryFn: async () => {
      const [entries, tasks] = await Promise.all([
        allPages<TEntry>('/activities', { ownerId: owner, from, to }),
        withTasks
          ? allPages<TCalendarTask>('/tasks', { assigneeId: owner, status: 'open', dueBefore: to })
          : Promise.resolve([]),
      ]);
      return groupByDay(start, entries, tasks);
    },
  });
}
