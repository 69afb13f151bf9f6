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

/**
 * The median of break-even weeks, "never" (null) counting as later than any week: null when the
 * middle value (or either middle value, for an even count) is never, or there are none.
 */
export function medianBreakEvenWeek(weeks: readonly (number | null)[]): number | null {
  const sorted = weeks.map((w) => w ?? Infinity).sort((a, b) => a - b), n = sorted.length;
  if (n === 0) return null;
  const lower = sorted[Math.floor((n - 1) / 2)]!, upper = sorted[Math.floor(n / 2)]!;
  return Number.isFinite(upper) ? (lower + upper) / 2 : null;
}
