import { max, min } from "d3-array";
import { scalarSpread, weeklyBand, weeklyFan, type Forecast, type LiveSnapshot } from "../experiment/index.js";
import { addDays, type ScalarMetric, type WeeklyMetric } from "../model/index.js";
import type { TextFan } from "../report/index.js";

/** One weekly metric of one row (an area, or England) as a fan over the weeks. */
export function fanOf(f: Forecast, row: number, metric: WeeklyMetric): TextFan {
  const { p5, p25, median, p75, p95 } = weeklyFan(f, row, metric);
  return { p5, p25, p50: median, p75, p95 };
}

/** The national row's index. */
export const nationalRow = (f: Forecast): number => f.shape.areas.length;

/** The largest value of a series, NaN ignored (0 when none is known). */
export const maxOf = (values: Iterable<number>): number => max(values) ?? 0;

/** The smallest value of a series, NaN ignored (0 when none is known). */
export const minOf = (values: Iterable<number>): number => min(values) ?? 0;

/** The last week with a known median, or -1. */
export function lastKnownWeek(fan: TextFan): number {
  for (let w = fan.p50.length - 1; w >= 0; w--) if (!Number.isNaN(fan.p50[w]!)) return w;
  return -1;
}

/** The mean of a scalar across the replications done, or NaN before any is done. */
export const scalarMean = (f: Forecast, row: number, metric: ScalarMetric): number =>
  f.plan.replications === 0 ? NaN : scalarSpread(f, row, metric).mean;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Nov 2026": the month and year at the end of reporting week `week` (0-based). */
export function weekLabel(startDate: string, week: number): string {
  const d = addDays(startDate, 7 * (week + 1));
  return `${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

/** Where the protocol stands in an area at a week, across replications. */
export type ProtocolLook = "active" | "possible" | "off";

/** "active" when a hub is open in at least half the replications, "possible" in at least 5%, else "off". */
export function protocolLook(f: Forecast, row: number, week: number): ProtocolLook {
  const [, , median, , p95] = weeklyBand(f, week, row, "protocol_active");
  return median! >= 0.5 ? "active" : p95! >= 0.5 ? "possible" : "off";
}

/** One line of the Areas table. */
export interface AreaRow {
  readonly index: number;
  readonly name: string;
  readonly protocol: ProtocolLook;
  readonly hubNow: number;
  readonly hubPeak: number;
  readonly hubEnd: number;
  readonly waitWeeks: number;
  /** Cases awaiting allocation outside the hub at the end (median), and the mean weeks to allocation. */
  readonly awaitingEnd: number;
  readonly allocationWeeks: number;
  readonly caseload: number;
  readonly overCapPct: number;
  readonly hubMedians: Float64Array;
}

/** Every area's row; "now" is the first week, "end" the last week simulated so far. */
export function areaRows(f: Forecast): AreaRow[] {
  return f.shape.areas.map((name, index) => {
    const fan = fanOf(f, index, "hub_backlog"), last = Math.max(0, lastKnownWeek(fan));
    const caseload = fanOf(f, index, "avg_caseload"), overCap = fanOf(f, index, "pct_fcas_over_cap");
    return {
      index, name, protocol: protocolLook(f, index, last), hubNow: fan.p50[0]!, hubPeak: maxOf(fan.p50), hubEnd: fan.p50[last]!,
      waitWeeks: scalarMean(f, index, "hub_wait_mean_weeks"),
      awaitingEnd: weeklyBand(f, last, index, "awaiting_allocation")[2]!, allocationWeeks: scalarMean(f, index, "allocation_wait_mean_weeks"),
      caseload: f.plan.replications === 0 ? caseload.p50[last]! : scalarMean(f, index, "avg_caseload"),
      overCapPct: f.plan.replications === 0 ? overCap.p50[last]! : scalarMean(f, index, "pct_fcas_over_cap"),
      hubMedians: fan.p50 as Float64Array,
    };
  });
}

/** The columns the Areas table can be sorted by. */
export const AREA_SORTS = ["name", "protocol", "hubNow", "hubPeak", "hubEnd", "waitWeeks", "awaitingEnd", "allocationWeeks", "caseload", "overCapPct"] as const;
export type AreaSort = (typeof AREA_SORTS)[number];

const PROTOCOL_RANK: Record<ProtocolLook, number> = { active: 2, possible: 1, off: 0 };

/** Rows sorted by a column: names A→Z, numbers largest first (NaN last); `reverse` flips it. */
export function sortAreaRows(rows: readonly AreaRow[], by: AreaSort, reverse: boolean): AreaRow[] {
  const key = (r: AreaRow): number => (by === "protocol" ? PROTOCOL_RANK[r.protocol] : by === "name" ? 0 : r[by]);
  const sorted = [...rows].sort((a, b) => {
    if (by === "name") return a.name.localeCompare(b.name, "en-GB", { numeric: true });
    const x = key(a), y = key(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    return y - x || a.index - b.index;
  });
  return reverse ? sorted.reverse() : sorted;
}

/** Headline figures for the Overview: from the replications done, or the first replication's weeks so far. */
export interface Headlines {
  /** Cases awaiting allocation outside the hubs at the week shown: median, 5th and 95th centile. */
  readonly awaiting: readonly [number, number, number];
  /** Mean weeks from waiting to allocation, and cases that waited more than 12 weeks (means across replications). */
  readonly allocationWeeks: number;
  readonly waitedOver12: number;
  readonly hubEnd: readonly [number, number, number];
  readonly hubPeak: number;
  readonly waitWeeks: number;
  readonly forced: number;
  readonly caseload: number;
  readonly overCapPct: number;
  readonly sicknessPct: number;
  /** Children in open cases (mean over the run) and % of public law proceedings ending over 26 weeks. */
  readonly children: number;
  readonly publicOver26Pct: number;
  readonly activeAreas: readonly string[];
  readonly possibleAreas: readonly string[];
  readonly week: number;
}

/** The Overview's headline figures for a snapshot. */
export function headlines(s: LiveSnapshot): Headlines {
  const f = s.forecast, row = nationalRow(f), hub = fanOf(f, row, "hub_backlog"), week = Math.max(0, lastKnownWeek(hub));
  const at = (m: WeeklyMetric): number => weeklyBand(f, week, row, m)[2]!;
  const looks = f.shape.areas.map((_, i) => protocolLook(f, i, week));
  const done = f.plan.replications > 0, awaiting = weeklyBand(f, week, row, "awaiting_allocation");
  return {
    awaiting: [awaiting[2]!, awaiting[0]!, awaiting[4]!],
    allocationWeeks: scalarMean(f, row, "allocation_wait_mean_weeks"),
    waitedOver12: scalarMean(f, row, "waited_over_12_weeks"),
    hubEnd: [hub.p50[week]!, hub.p5[week]!, hub.p95[week]!],
    hubPeak: done ? scalarMean(f, row, "peak_hub_backlog") : maxOf(hub.p50),
    waitWeeks: scalarMean(f, row, "hub_wait_mean_weeks"),
    forced: scalarMean(f, row, "forced_allocations"),
    caseload: done ? scalarMean(f, row, "avg_caseload") : at("avg_caseload"),
    overCapPct: done ? scalarMean(f, row, "pct_fcas_over_cap") : at("pct_fcas_over_cap"),
    sicknessPct: scalarMean(f, row, "sickness_pct"),
    children: done ? scalarMean(f, row, "children_open_mean") : at("children_open"),
    publicOver26Pct: scalarMean(f, row, "public_over_26_weeks_pct"),
    activeAreas: f.shape.areas.filter((_, i) => looks[i] === "active"),
    possibleAreas: f.shape.areas.filter((_, i) => looks[i] === "possible"),
    week,
  };
}
