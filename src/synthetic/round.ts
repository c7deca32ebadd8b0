/** Rounds to four decimals: coordinates to ~10 m, prices to 1/100 of a cent. */
export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
