import { cumsum } from "d3-array";

/**
 * The first week from which the cumulative net flow is ≥ 0 and stays so to the horizon, or null
 * when it ends below zero (never breaks even within the horizon). A series that never dips below
 * zero breaks even in week 0.
 */
export function breakEvenWeek(net: ArrayLike<number>): number | null {
  const cumulative = cumsum(Array.from(net));
  if (cumulative.length === 0 || cumulative[cumulative.length - 1]! < 0) return null;
  for (let w = cumulative.length - 1; w > 0; w--) if (cumulative[w - 1]! < 0) return w;
  return 0;
}
