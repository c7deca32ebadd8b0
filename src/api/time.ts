/**
 * Conversions between the API's ISO 8601 times and the core's whole UTC minutes
 * since the epoch. Answers never carry seconds' fractions: 2026-11-24T08:00:00Z.
 */
const MS_PER_MINUTE = 60_000;

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
  return new Date(minutes * MS_PER_MINUTE).toISOString().replace('.000Z', 'Z');
}
