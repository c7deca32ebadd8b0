/**
 * Conversions between the API's ISO 8601 times and the core's whole UTC minutes
 * since the epoch. Answers never carry seconds' fractions: 2026-11-24T08:00:00Z.
 */
const MS_PER_MINUTE = 60_000;

/**
 * ISO times by epoch minute, filled as minutes are met: an answer holds about twenty,
 * most of them departures and arrivals of the schedule's week that other answers
 * hold too, so formatting each minute once saves a Date and a string per time.
 */
const isoByMinute = new Map<number, string>();
const MAX_CACHED_MINUTES = 100_000;

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

/** `2026-11-24T08:00:00Z` for epoch minutes. */
export function minutesToIso(minutes: number): string {
  let iso = isoByMinute.get(minutes);
  if (iso === undefined) {
    if (isoByMinute.size === MAX_CACHED_MINUTES) isoByMinute.clear();
    iso = new Date(minutes * MS_PER_MINUTE).toISOString().replace('.000Z', 'Z');
    isoByMinute.set(minutes, iso);
  }
  return iso;
}
