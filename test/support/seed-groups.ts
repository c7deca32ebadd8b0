/**
 * The seeds of a property test, in groups: each group is one test, which checks its
 * own networks and, on its own, that they exercised what they should (so that any test
 * passes when run alone). With a replay seed, one group of that seed alone.
 */
export function seedGroups(
  firstSeed: number,
  networks: number,
  perGroup: number,
  replaySeed: string | undefined,
): number[][] {
  if (replaySeed) return [[Number(replaySeed)]];
  return Array.from({ length: Math.ceil(networks / perGroup) }, (_, g) =>
    Array.from({ length: Math.min(perGroup, networks - g * perGroup) }, (_, i) => firstSeed + g * perGroup + i),
  );
}
