import 'server-only';
import { getLocale } from '@/i18n/server';
import { TIME_ZONE } from '@/lib/epi-week';
import type { HistoryEntry, TaskRow } from '@/server/activation/task-rows';

// Dates are written on the server, in Vietnam's time zone, and sent as text: formatting them again in the browser could
// differ from the server's ICU data by a space and break hydration.

export type DisplayHistoryEntry = HistoryEntry & { atText: string; dueDateText: string | null };
export type DisplayTask = Omit<TaskRow, 'history'> & {
  doneAtText: string | null;
  dueDateText: string | null;
  history: DisplayHistoryEntry[];
};

export interface DateTexts {
  dateTime(iso: string): string;
  /** a calendar date YYYY-MM-DD, no time zone */
  date(day: string): string;
}

export async function getDateTexts(): Promise<DateTexts> {
  const tag = (await getLocale()) === 'vi' ? 'vi-VN' : 'en-GB';
  const day = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
  const dateTime = new Intl.DateTimeFormat(tag, { ...day, hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
  const date = new Intl.DateTimeFormat(tag, { ...day, timeZone: 'UTC' });
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (day) => date.format(new Date(`${day}T00:00:00Z`)),
  };
}

export function toDisplayTasks(tasks: TaskRow[], f: DateTexts): DisplayTask[] {
  return tasks.map((t) => ({
    ...t,
    doneAtText: t.doneAt ? f.dateTime(t.doneAt) : null,
    dueDateText: t.dueDate ? f.date(t.dueDate) : null,
    history: t.history.map((h) => ({
      ...h,
      atText: f.dateTime(h.at),
      dueDateText: h.dueDate ? f.date(h.dueDate) : null,
    })),
  }));
}
