import { isSpace, trimEndWhere } from '../text/trim-end.js';
import type { StallStatus } from './stalled.js';

/** "1 day", "3 days" */
export function formatDays(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** "3 days overdue", "idle 12 days", or "" when not stalled. */
export function stallLabel(stall: Pick<StallStatus, 'reason' | 'daysOverdue' | 'daysIdle'>): string {
  if (stall.reason === 'overdue') return `${formatDays(stall.daysOverdue)} overdue`;
  if (stall.reason === 'idle') return `idle ${formatDays(stall.daysIdle)}`;
  return '';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM-DD' -> "Dec 15"; anything else is returned unchanged. */
export function shortDate(isoDate: string): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? MONTHS[Number(match[1]) - 1] : undefined;
  if (!match || !month) return isoDate;
  return `${month} ${Number(match[2])}`;
}

/** Cut text to `max` characters on a word boundary when one is near, ending with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = flat[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${trimEndWhere(space > max * 0.6 ? cut.slice(0, space) : cut, (c) => isSpace(c) || ',;:.-'.includes(c))}…`;
}
