/** Formats a number for tables: NaN (or null, as JSON writes NaN) as "–", else fixed decimals with thousands separators. */
export function fmt(x: number | null, decimals = 0): string {
  if (typeof x !== "number" || Number.isNaN(x)) return "–";
  return x.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A median with its 90% band, "12 (5–20)". */
export function band(median: number, p5: number, p95: number, decimals = 0): string {
  return `${fmt(median, decimals)} (${fmt(p5, decimals)}–${fmt(p95, decimals)})`;
}
