/**
 * Readable times for routing tests: the week of Monday 2026-11-23 (UTC), in the
 * core's epoch minutes. `at('Tue 10:00')`, `at('next Mon 00:15')`.
 */
import { isoToMinutes } from '../../src/wire/time';
import { MINUTES_PER_DAY } from '../../src/routing/time';

/** Monday 2026-11-23 00:00 UTC. */
export const WEEK_START = isoToMinutes('2026-11-23T00:00:00Z', 'down')!;

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function at(when: string): number {
  const match = /^(next )?(\w{3}) (\d\d):(\d\d)$/.exec(when);
  const day = DAY_NAMES.indexOf(match?.[2] ?? '');
  if (!match || day < 0) throw new Error(`not a week time: '${when}'`);
  const [, next, , hours, minutes] = match;
  return WEEK_START + (day + (next ? 7 : 0)) * MINUTES_PER_DAY + Number(hours) * 60 + Number(minutes);
}
