/**
 * Conversions between the API's ISO 8601 times and the core's whole UTC minutes
 * since the epoch. Answers never carry seconds' fractions: 2026-11-24T08:00:00Z.
 */
import { hhmm, MINUTES_PER_DAY } from '../routing/time';

const MS_PER_MINUTE = 60_000;

/** `HH:MM` of every minute of a day. */
const CLOCK = Array.from({ length: MINUTES_PER_DAY }, (_, m) => hhmm(m));

/** `YYYY-MM-DD` by epoch day, filled as days are met; answers use few distinct days. */
const dates = new Map<number, string>();
const MAX_CACHED_DATES = 10_000;

/** Epoch minutes of an ISO time, rounded up or down to the minute; undefined when it is not a time. */
export function isoToMinutes(iso: string, rounding: 'up' | 'down'): number | undefined {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return undefined;
  return rounding === 'up' ? Math.ceil(ms / MS_PER_MINUTE) : Math.floor(ms / MS_PER_MINUTE);
}

/** The current time in epoch minutes, rounded up. */
export function nowMinutes(): number {
  return Math.ceil(Date.now() / MS_PER_MINUTE);
}

/** `2026-11-24T08:00:00Z` for epoch minutes (called several times per answer, hence the tables). */
export function minutesToIso(minutes: number): string {
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  return `${dateOf(day)}T${CLOCK[minutes - day * MINUTES_PER_DAY]}:00Z`;
}

function dateOf(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    if (dates.size === MAX_CACHED_DATES) dates.clear();
    date = new Date(day * MINUTES_PER_DAY * MS_PER_MINUTE).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}
