/** Whole-minute UTC time arithmetic for schedules. Epoch day 0 (1970-01-01) was a Thursday. */

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** Routes arriving later than this after readyAt are not considered (docs/api.md, What a route is). */
export const HORIZON_MINUTES = 14 * MINUTES_PER_DAY;
export const DOMESTIC_DEADLINE_MINUTES = 24 * 60;
export const INTERNATIONAL_DEADLINE_MINUTES = 72 * 60;

const EPOCH_DAY_OFFSET_FROM_MONDAY = 3;

/** Minutes since the Monday 00:00 UTC that starts the ISO week holding epoch minute `t`. */
export function minuteOfWeek(t: number): number {
  const m = (t + EPOCH_DAY_OFFSET_FROM_MONDAY * MINUTES_PER_DAY) % MINUTES_PER_WEEK;
  return m < 0 ? m + MINUTES_PER_WEEK : m;
}

/** Minutes after midnight (wrapping past a day) → UTC `HH:MM`. */
export function hhmm(minuteOfDay: number): string {
  const m = ((Math.round(minuteOfDay) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** `HH:MM` → minutes after midnight. The string must already be validated. */
export function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
