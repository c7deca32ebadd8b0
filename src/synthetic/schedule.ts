import { hhmm } from '../routing/time';

/** ISO weekdays Monday to Friday. */
export const WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

/** `count` departures `gapMinutes` apart from `firstMinute`, wrapped into one day, sorted, unique. */
export function departureWave(firstMinute: number, count: number, gapMinutes: number): string[] {
  const times = new Set<string>();
  for (let i = 0; i < count; i++) times.add(hhmm(firstMinute + i * gapMinutes));
  return [...times].sort();
}
