import { scalarIndex, scalarOffset, SCALAR_METRICS, weeklyIndex, weeklyOffset, WEEKLY_METRICS, type ResultShape, type WeeklyMetric } from "./metrics.js";
import type { AreaState } from "./model-state.js";
import { WAIT_BINS } from "./model-state.js";
import type { WeekMeasures } from "./weekly-check.js";

/** Writes one replication's weekly rows and, at the end, its scalar summary. */
export class Recorder {
  readonly weekly: Float64Array;
  readonly scalars: Float64Array;
  private readonly national: number;
  /** Per row: long-term FCAs over cap summed over weeks, and FTE-days absent. */
  private readonly overCapWeeks: Float64Array;
  private readonly absentDays: Float64Array;

  /** Records into `reuse` (zeroed first) when it has the right length, else into a new array. */
  constructor(private readonly shape: ResultShape, reuse?: Float64Array) {
    this.national = shape.areas.length;
    const length = shape.weeks * (this.national + 1) * WEEKLY_METRICS.length;
    this.weekly = reuse !== undefined && reuse.length === length ? reuse.fill(0) : new Float64Array(length);
    this.scalars = new Float64Array((this.national + 1) * SCALAR_METRICS.length);
    this.overCapWeeks = new Float64Array(this.national + 1);
    this.absentDays = new Float64Array(this.national + 1);
  }

  /** Records one area's week, adding it into the national row too. */
  week(week: number, area: AreaState, m: WeekMeasures): void {
    const t = area.totals;
    const row: Record<WeeklyMetric, number> = {
      referrals: t.weekReferrals, closures: t.weekClosures, open_cases: m.open, awaiting_allocation: m.awaiting,
      hub_backlog: m.hub, hub_mean_age_weeks: m.hub > 0 ? m.hubAgeWeeksSum / m.hub : 0, hub_exits: t.weekHubExits,
      forced_allocations: t.weekForced, avg_caseload: m.ltInPost > 0 ? m.ltCases / m.ltInPost : 0,
      pct_fcas_over_cap: m.ltInPost > 0 ? (100 * m.ltOverCap) / m.ltInPost : 0, fcas_in_post: m.fteInPost,
      fcas_absent: m.fteAbsent, protocol_active: m.hubOpen ? 1 : 0,
    };
    for (const r of [area.index, this.national]) {
      this.overCapWeeks[r]! += m.ltOverCap;
      this.absentDays[r]! += m.fteAbsent * 7;
    }
    for (const metric of WEEKLY_METRICS) {
      this.weekly[weeklyOffset(this.shape, week, area.index, weeklyIndex(metric))] = row[metric];
      this.weekly[weeklyOffset(this.shape, week, this.national, weeklyIndex(metric))]! += row[metric];
    }
  }

  /** Turns the national row's sums of per-area ratios into national ratios, from the weekly totals. */
  finishWeek(week: number, ltCases: number, ltInPost: number, ltOverCap: number, hubAgeSum: number): void {
    const at = (metric: WeeklyMetric): number => weeklyOffset(this.shape, week, this.national, weeklyIndex(metric));
    this.weekly[at("avg_caseload")] = ltInPost > 0 ? ltCases / ltInPost : 0;
    this.weekly[at("pct_fcas_over_cap")] = ltInPost > 0 ? (100 * ltOverCap) / ltInPost : 0;
    const hub = this.weekly[at("hub_backlog")]!;
    this.weekly[at("hub_mean_age_weeks")] = hub > 0 ? hubAgeSum / hub : 0;
  }

  /** Writes the scalar summary for each area and nationally. */
  finish(areas: readonly AreaState[], weeks: number): void {
    const rows = [...areas.map((a) => [a]), areas];
    rows.forEach((group, row) => {
      const sum = (pick: (a: AreaState) => number): number => group.reduce((n, a) => n + pick(a), 0);
      const histogram = new Uint32Array(WAIT_BINS);
      for (const a of group) a.totals.hubWaitHistogram.forEach((c, i) => (histogram[i]! += c));
      const exits = sum((a) => a.totals.hubWaits.count);
      const set = (metric: (typeof SCALAR_METRICS)[number], value: number): void => {
        this.scalars[scalarOffset(row, scalarIndex(metric))] = value;
      };
      set("hub_wait_mean_weeks", exits > 0 ? sum((a) => a.totals.hubWaits.sum) / exits : NaN);
      set("hub_wait_p90_weeks", exits > 0 ? histogramQuantile(histogram, 0.9) / 7 : NaN);
      set("hub_exits", exits);
      set("forced_allocations", sum((a) => a.totals.forced));
      set("avg_caseload", this.meanOverWeeks(row, "avg_caseload", weeks));
      set("pct_fcas_over_cap", this.meanOverWeeks(row, "pct_fcas_over_cap", weeks));
      set("sickness_pct", (100 * this.sumOverWeeks(row, "fcas_absent", weeks)) / Math.max(1e-9, this.sumOverWeeks(row, "fcas_in_post", weeks)));
      set("protocol_weeks_active", sum((a) => a.totals.weeksActive));
      set("hub_review_hours", sum((a) => a.totals.reviewHours));
      set("extended_filing_dates", sum((a) => a.totals.extendedFilings));
      set("referrals", this.sumOverWeeks(row, "referrals", weeks));
      set("closures", this.sumOverWeeks(row, "closures", weeks));
      set("peak_hub_backlog", this.maxOverWeeks(row, "hub_backlog", weeks));
      set("protocol_activations", sum((a) => a.totals.activations));
      set("hub_backlog_end", weeks > 0 ? this.weekly[weeklyOffset(this.shape, weeks - 1, row, weeklyIndex("hub_backlog"))]! : NaN);
      set("fca_weeks_over_cap", this.overCapWeeks[row]!);
      set("sickness_days", this.absentDays[row]!);
    });
  }

  private column(row: number, metric: WeeklyMetric, weeks: number): number[] {
    return Array.from({ length: weeks }, (_, w) => this.weekly[weeklyOffset(this.shape, w, row, weeklyIndex(metric))]!);
  }
  private sumOverWeeks(row: number, metric: WeeklyMetric, weeks: number): number {
    return this.column(row, metric, weeks).reduce((a, b) => a + b, 0);
  }
  private meanOverWeeks(row: number, metric: WeeklyMetric, weeks: number): number {
    return weeks > 0 ? this.sumOverWeeks(row, metric, weeks) / weeks : NaN;
  }
  private maxOverWeeks(row: number, metric: WeeklyMetric, weeks: number): number {
    return Math.max(0, ...this.column(row, metric, weeks));
  }
}

/** The q-quantile (lower) of values binned by whole day. */
function histogramQuantile(histogram: Uint32Array, q: number): number {
  const total = histogram.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!;
    if (seen >= q * total) return i + 0.5;
  }
  return histogram.length;
}
