/**
 * The runs that have claimed a booked chunk or a booked plan, as its entry in Redis
 * keeps them: a line "<token> <date>,<date>…" a run, the run that owns it first, then
 * every run before it, newest first. A run claims with a line of its own in front of
 * the lines there, and records its dates in its own line only (RUN_CHAIN_LUA, in the
 * scripts beside each kind's keys: batch-scripts.ts, plan-scripts.ts). The runs before it are kept
 * until the chunk or plan is done. A run that stops before it has released them leaves
 * them all to the next run, and none is forgotten: releasing a run whose holds are gone
 * already changes nothing.
 */
import { releaseRun, type LedgerAccess } from './reserve-round';

/**
 * The entry in Lua, for the scripts that keep one (batch-scripts.ts, plan-scripts.ts):
 * `ownedBy(entry, token)`, whether `token`'s run owns it (its line is first);
 * `claim(entry, token)`, the entry once `token`'s run claims it (its line in front) and
 * the lines of the runs before it. A claim sent again (its reply lost, the client resends
 * it) finds its own line in front already: the entry stays, and the runs before are the
 * same, never the run itself, which would then release its own holds;
 * `withDates(entry, token, dates)`, the entry with the owning run's dates recorded.
 */
export const RUN_CHAIN_LUA = `
local function ownedBy(entry, token)
  return string.sub(entry, 1, #token + 1) == token .. ' '
end
local function claim(entry, token)
  if ownedBy(entry, token) then return entry, string.match(entry, '\\n(.*)$') or '' end
  return token .. ' ' .. (entry ~= '' and '\\n' .. entry or ''), entry
end
local function withDates(entry, token, dates)
  return token .. ' ' .. dates .. (string.match(entry, '\\n.*$') or '')
end
`;

/** A run that claimed before, with the dates it may hold. */
export interface EarlierRun {
  token: string;
  dates: string[];
}

/** The runs of an entry's lines ('' = none), in its order. */
export function runsOf(entry: string): EarlierRun[] {
  return entry
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [token, dates = ''] = line.split(' ');
      return { token, dates: dates ? dates.split(',') : [] };
    });
}

/**
 * Releases what each earlier run holds for `ids`: on the dates it recorded, and on
 * `alsoOn` too (dates it may have reserved on since, while it had not stopped yet).
 */
export async function releaseEarlier(
  deps: LedgerAccess,
  ids: readonly string[],
  runs: readonly EarlierRun[],
  alsoOn: readonly string[] = [],
): Promise<void> {
  await Promise.all(runs.map((run) => releaseRun(deps, ids, run.token, [...new Set([...run.dates, ...alsoOn])])));
}
