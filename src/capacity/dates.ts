/**
 * UTC dates as the ledger names them: `YYYY-MM-DD`, from the core's epoch minutes and
 * epoch days. Every departure slot and hub-day belongs to the date of its minute.
 */
import { MINUTES_PER_DAY } from '../routing/time';

const MS_PER_DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Date strings by epoch day, filled as days are met (a few dozen in use at a time). */
const byDay = new Map<number, string>();

/** `YYYY-MM-DD` of epoch day `day`. */
export function dateOfDay(day: number): string {
  let date = byDay.get(day);
  if (date === undefined) {
    if (byDay.size > 10_000) byDay.clear();
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    byDay.set(day, date);
  }
  return date;
}

/** `YYYY-MM-DD` of epoch minute `minute`. */
export function dateOfMinute(minute: number): string {
  return dateOfDay(Math.floor(minute / MINUTES_PER_DAY));
}

/** Epoch days by date string, for the dates met (the view converts every hub-day it applies). */
const dayByDate = new Map<string, number>();

/** The epoch day of a `YYYY-MM-DD` date, or undefined when it is not a real date of years 1970–9999. */
export function dayOfDate(date: string): number | undefined {
  const known = dayByDate.get(date);
  if (known !== undefined) return known;
  const match = DATE.exec(date);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (!Number.isFinite(ms) || ms < 0 || dateOfDay(ms / MS_PER_DAY) !== date) return undefined;
  if (dayByDate.size > 10_000) dayByDate.clear();
  dayByDate.set(date, ms / MS_PER_DAY);
  return ms / MS_PER_DAY;
}

/** Unix seconds at which a date's ledger expires: `retentionDays` after the date ends, or after now when that is later. */
export function expiryOf(date: string, retentionDays: number, nowMs = Date.now()): number {
  const end = ((dayOfDate(date) ?? 0) + 1) * MS_PER_DAY;
  return Math.ceil((Math.max(end, nowMs) + retentionDays * MS_PER_DAY) / 1000);
}

/** `YYYYMMDD` of a `YYYY-MM-DD` date, as booking ids carry it, and back. */
export function compactDate(date: string): string {
  return date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10);
}

export function expandDate(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}
