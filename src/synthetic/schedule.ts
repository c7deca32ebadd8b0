import { MINUTES_PER_DAY } from '../routing/time';

/** ISO weekdays Monday to Friday. */
export const WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

/** Minutes after midnight (wrapping past a day) → UTC `HH:MM`. */
export function hhmm(minuteOfDay: number): string {
  const m = ((Math.round(minuteOfDay) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** `count` departures `gapMinutes` apart from `firstMinute`, wrapped into one day, sorted, unique. */
export function departureWave(firstMinute: number, count: number, gapMinutes: number): string[] {
  const times = new Set<string>();
  for (let i = 0; i < count; i++) times.add(hhmm(firstMinute + i * gapMinutes));
  return [...times].sort();
}
