/**
 * Concatenation of two time-window segments (Vidal et al. 2013, §4): a segment is
 * (D duration with service and unavoidable waiting, TW time warp, E earliest and
 * L latest start of its first service). Joining σ1 then σ2 with travel t between them:
 *   Δ = D1 − TW1 + t;  wait = max(E2 − Δ − L1, 0);  warp = max(E1 + Δ − L2, 0)
 *   D = D1 + D2 + t + wait;  TW = TW1 + TW2 + warp
 *   E = max(E2 − Δ, E1) − wait;  L = min(L2 − Δ, L1) + warp
 * Open windows are ±Infinity (E never +∞, L never −∞, so no NaN arises).
 */

// Math's functions held here: a global lookup per call is slow where globals are intercepted (jest's vm contexts).
const { max, min } = Math;

/** Written by concatTime: D, TW, E, L. */
export const timeScratch = new Float64Array(4);

export function concatTime(
  d1: number,
  tw1: number,
  e1: number,
  l1: number,
  t: number,
  d2: number,
  tw2: number,
  e2: number,
  l2: number,
): void {
  const delta = d1 - tw1 + t;
  const wait = max(e2 - delta - l1, 0);
  const warp = max(e1 + delta - l2, 0);
  timeScratch[0] = d1 + d2 + t + wait;
  timeScratch[1] = tw1 + tw2 + warp;
  timeScratch[2] = max(e2 - delta, e1) - wait;
  timeScratch[3] = min(l2 - delta, l1) + warp;
}
