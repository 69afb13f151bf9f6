import { BAND_CONTENT_WORDS, type SweepResult, type SweepRow } from "../experiment/index.js";
import { SCALAR_METRICS, type ScalarMetric } from "../model/index.js";
import { csvText } from "./csv-line.js";
import { metricDecimals } from "./metric-labels.js";
import { fmt, percent } from "./number-format.js";
import { textTable } from "./text-table.js";

const SHOWN: readonly ScalarMetric[] = [
  "hub_wait_mean_weeks", "allocation_wait_mean_weeks", "hub_backlog_end", "awaiting_end", "forced_allocations", "fca_weeks_over_cap", "avg_caseload", "protocol_weeks_active",
];

/** The national measures a sweep's table shows beside its objectives: both waits, both queues, overload (those not already objectives). */
export function sweepColumns(r: SweepResult): ScalarMetric[] {
  return SHOWN.filter((m) => !r.objectives.includes(m));
}

/** Decimals for an objective or measure written as an address: a scalar's own, else one. */
const decimalsOf = (address: string): number => ((SCALAR_METRICS as readonly string[]).includes(address) ? metricDecimals(address as ScalarMetric) : 1);

/** A sweep as a text table (objectives, national measures, constraint shares; feasible and frontier points marked), then the recommendation. */
export function sweepText(r: SweepResult): string {
  const paths = Object.keys(r.rows[0]?.point.values ?? {});
  const onFront = new Set(r.frontier), shown = sweepColumns(r), constrained = r.constraints.length > 0;
  const header = ["#", ...paths, ...r.objectives, ...shown, ...r.constraints.map((_, i) => `c${i + 1} met`), ...(constrained ? ["feasible"] : []), "frontier"];
  const rows = r.rows.map((row, i) => [
    String(row.point.index), ...paths.map((p) => String(row.point.values[p])),
    ...row.objectives.map((v, k) => fmt(v, decimalsOf(r.objectives[k]!))), ...shown.map((m) => fmt(row.means[m], metricDecimals(m))),
    ...row.constraints.map((c) => percent(c.p)), ...(constrained ? [row.feasible ? "yes" : "no"] : []), onFront.has(i) ? "*" : "",
  ]);
  return [
    `hubsim sweep: ${r.base}, ${r.rows.length} points × ${r.replications} replications on common random numbers (seed ${r.seed})`,
    `Means across replications (national unless an objective names an area). * = on the Pareto frontier of ${r.objectives.join(" vs ")} (both minimised)${constrained ? ", among the feasible points" : ""}.`,
    ...r.constraints.map((c, i) => `c${i + 1}: ${c}, to hold in at least ${percent(r.confidence)} of replications ("met" is the share that meet it; replications hold ${BAND_CONTENT_WORDS[r.bandContent ?? "simulation-noise"]}).`),
    "",
    textTable(header, rows, header.map((_, i) => (i === 0 || i > paths.length ? "right" : "left"))),
    "",
    r.frontier.length > 0 ? recommendation(r) : infeasibility(r),
  ].join("\n");
}

/** The frontier in words: the settings worth choosing between, from the first objective's best to the second's. */
export function recommendation(r: SweepResult): string {
  const [first, second] = r.objectives;
  const value = (i: number): number => (Number.isNaN(r.rows[i]!.objectives[0]!) ? 0 : r.rows[i]!.objectives[0]!);
  const front = [...r.frontier].sort((a, b) => value(a) - value(b));
  const lines = front.map((i) => {
    const row = r.rows[i]!;
    return `  - ${settings(row)}: ${first} ${fmt(row.objectives[0]!, decimalsOf(first!))}, ${second} ${fmt(row.objectives[1]!, decimalsOf(second!))}`;
  });
  const among = r.constraints.length > 0 ? `of the ${r.rows.filter((x) => x.feasible).length} points meeting every constraint, ` : "";
  return [`Recommendation: ${among}${front.length} setting${front.length === 1 ? "" : "s"} trade ${first} against ${second}; every other point is no better on either and worse on at least one than one of these:`, ...lines].join("\n");
}

/** Why no point is feasible: for each constraint, the most replications any point met it in, and how near its measure came. */
export function infeasibility(r: SweepResult): string {
  const lines = r.constraints.map((c, k) => {
    const [op, threshold] = [c.split(/\s+/).at(-2)!, Number(c.split(/\s+/).at(-1))];
    // The most replications meeting it; among equals, the measure nearest to meeting it.
    const nearer = (a: number, b: number): boolean => (op.startsWith("<") ? b < a : b > a);
    const best = r.rows.reduce((a, b) => {
      const [x, y] = [a.constraints[k]!, b.constraints[k]!];
      return y.p > x.p || (y.p === x.p && nearer(x.measureMean, y.measureMean)) ? b : a;
    });
    const o = best.constraints[k]!;
    const everywhere = r.rows.every((row) => !row.constraints[k]!.met) ? "fails at every point" : "is met at some points";
    return `  - c${k + 1} ${c} ${everywhere}: at best in ${percent(o.p)} of replications (${settings(best)}), its measure averaging ${fmt(o.measureMean, 1)} against ${fmt(threshold, 1)}.`;
  });
  return ["No point meets every constraint with the confidence asked:", ...lines].join("\n");
}

function settings(row: SweepRow): string {
  return Object.entries(row.point.values).map(([p, v]) => `${p}=${v}`).join(", ");
}

/** A sweep as tidy CSV: one row per point with its values, objectives, every national measure's mean, constraint shares, feasibility and frontier. */
export function sweepCsv(r: SweepResult): string {
  const paths = Object.keys(r.rows[0]?.point.values ?? {});
  const onFront = new Set(r.frontier);
  const n = (x: number): string => (Number.isNaN(x) ? "" : String(Math.round(x * 1e4) / 1e4));
  const lines = [["point", ...paths, ...r.objectives.map((o) => csvText(`objective: ${o}`)), ...SCALAR_METRICS, ...r.constraints.map((c) => csvText(`share meeting: ${c}`)), "feasible", "on_frontier"].join(",")];
  r.rows.forEach((row, i) => lines.push([
    row.point.index, ...paths.map((p) => row.point.values[p]), ...row.objectives.map(n), ...SCALAR_METRICS.map((m) => n(row.means[m])),
    ...row.constraints.map((c) => n(c.p)), row.feasible, onFront.has(i),
  ].join(",")));
  return lines.join("\n") + "\n";
}
