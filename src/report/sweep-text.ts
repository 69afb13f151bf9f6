import type { SweepResult } from "../experiment/index.js";
import { SCALAR_METRICS, type ScalarMetric } from "../model/index.js";
import { metricDecimals } from "./metric-labels.js";
import { fmt } from "./number-format.js";
import { textTable } from "./text-table.js";

const SHOWN: readonly ScalarMetric[] = [
  "hub_wait_mean_weeks", "allocation_wait_mean_weeks", "hub_backlog_end", "awaiting_end", "forced_allocations", "fca_weeks_over_cap", "avg_caseload", "protocol_weeks_active",
];

/** The measures a sweep's table shows: its two objectives first, then the usual ones (both waits, both queues, overload). */
export function sweepColumns(r: SweepResult): ScalarMetric[] {
  return [...new Set([...r.objectives, ...SHOWN])];
}

/** A sweep as a text table (frontier points marked) followed by the recommendation. */
export function sweepText(r: SweepResult): string {
  const paths = Object.keys(r.rows[0]?.point.values ?? {});
  const onFront = new Set(r.frontier);
  const shown = sweepColumns(r), header = ["#", ...paths, ...shown, "frontier"];
  const rows = r.rows.map((row, i) => [
    String(row.point.index), ...paths.map((p) => String(row.point.values[p])), ...shown.map((m) => fmt(row.means[m], metricDecimals(m))), onFront.has(i) ? "*" : "",
  ]);
  return [
    `hubsim sweep: ${r.base}, ${r.rows.length} points × ${r.replications} replications on common random numbers (seed ${r.seed})`,
    "Means across replications, national. * = on the Pareto frontier of " + r.objectives.join(" vs ") + " (both minimised).",
    "",
    textTable(header, rows, header.map((_, i) => (i === 0 || i > paths.length ? "right" : "left"))),
    "",
    recommendation(r),
  ].join("\n");
}

/** The frontier in words: the settings worth choosing between, from least waiting to least overload. */
export function recommendation(r: SweepResult): string {
  const [first, second] = r.objectives;
  const value = (i: number): number => (Number.isNaN(r.rows[i]!.means[first!]) ? 0 : r.rows[i]!.means[first!]);
  const front = [...r.frontier].sort((a, b) => value(a) - value(b));
  const lines = front.map((i) => {
    const row = r.rows[i]!;
    const settings = Object.entries(row.point.values).map(([p, v]) => `${p}=${v}`).join(", ");
    return `  - ${settings}: ${first} ${fmt(row.means[first!], metricDecimals(first!))}, ${second} ${fmt(row.means[second!], metricDecimals(second!))}`;
  });
  return [`Recommendation: ${front.length} setting${front.length === 1 ? "" : "s"} trade ${first} against ${second}; every other point is no better on either and worse on at least one than one of these:`, ...lines].join("\n");
}

/** A sweep as tidy CSV: one row per point with its values, every national measure's mean, and whether it is on the frontier. */
export function sweepCsv(r: SweepResult): string {
  const paths = Object.keys(r.rows[0]?.point.values ?? {});
  const onFront = new Set(r.frontier);
  const n = (x: number): string => (Number.isNaN(x) ? "" : String(Math.round(x * 1e4) / 1e4));
  const lines = [["point", ...paths, ...SCALAR_METRICS, "on_frontier"].join(",")];
  r.rows.forEach((row, i) => lines.push([row.point.index, ...paths.map((p) => row.point.values[p]), ...SCALAR_METRICS.map((m) => n(row.means[m])), onFront.has(i)].join(",")));
  return lines.join("\n") + "\n";
}
