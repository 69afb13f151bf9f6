/** Formats a number for tables: NaN (or null, as JSON writes NaN) as "–", else fixed decimals with thousands separators. */
export function fmt(x: number | null, decimals = 0): string {
  if (typeof x !== "number" || Number.isNaN(x)) return "–";
  return x.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A median with its 90% band, "12 (5–20)". */
export function band(median: number, p5: number, p95: number, decimals = 0): string {
  return `${fmt(median, decimals)} (${fmt(p5, decimals)}–${fmt(p95, decimals)})`;
}

/** Money as whole pounds with thousands separators, the sign first: "£12,345", "−£6,616"; NaN as "–". */
export function money(x: number | null): string {
  if (typeof x !== "number" || Number.isNaN(x)) return "–";
  const pounds = Math.round(x);
  return `${pounds < 0 ? "−" : ""}£${fmt(Math.abs(pounds))}`;
}

/** A share as a whole percentage, "42%". */
export function percent(x: number | null): string {
  return typeof x !== "number" || Number.isNaN(x) ? "–" : `${fmt(100 * x)}%`;
}

/** A percentage already ×100 (a band's coverage), whole: "93%"; NaN as "–". */
export function wholePercent(x: number | null): string {
  return typeof x !== "number" || Number.isNaN(x) ? "–" : `${fmt(x)}%`;
}

/** Decimals to show an observed measure with: caseloads and shares as published (one decimal), counts whole. */
export function observedDecimals(metric: string): number {
  return metric === "avg_caseload" || metric === "pct_fcas_over_cap" ? 1 : 0;
}
