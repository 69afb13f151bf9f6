import { scalarIndex, scalarOffset, SCALAR_METRICS, weeklyOffset, WEEKLY_METRICS, type ResultShape, type WeeklyMetric } from "./metrics.js";
import type { AreaState } from "./model-state.js";
import { histogramQuantile, smallQuantile, WAIT_BINS, type WaitLog } from "./wait-log.js";
import type { WeekMeasures } from "./weekly-check.js";

/** National sums of one week, from which the national ratios are made. */
interface NationalWeek {
  ltCases: number; ltInPost: number; ltOverCap: number; hubAge: number; awaitingAge: number; aged: number;
  heldWork: number; capacity: number; readonly waits: number[];
}

const WEEKLY_INDEX = Object.fromEntries(WEEKLY_METRICS.map((m, i) => [m, i])) as Record<WeeklyMetric, number>;
const I = WEEKLY_INDEX;

/** Writes one replication's weekly rows and, at the end, its scalar summary. */
export class Recorder {
  readonly weekly: Float64Array;
  readonly scalars: Float64Array;
  private readonly national: number;
  /** Per row: long-term FCAs over cap summed over weeks, and FTE-days absent. */
  private readonly overCapWeeks: Float64Array;
  private readonly absentDays: Float64Array;
  /** One area's week, in WEEKLY_METRICS order. */
  private readonly row = new Float64Array(WEEKLY_METRICS.length);
  private readonly sums: NationalWeek = { ltCases: 0, ltInPost: 0, ltOverCap: 0, hubAge: 0, awaitingAge: 0, aged: 0, heldWork: 0, capacity: 0, waits: [] };

  /** Records into `reuse` (zeroed first) when it has the right length, else into a new array. */
  constructor(private readonly shape: ResultShape, reuse?: Float64Array, private readonly children: { readonly public: number; readonly private: number } = { public: 1.6, private: 1.53 }) {
    this.national = shape.areas.length;
    const length = shape.weeks * (this.national + 1) * WEEKLY_METRICS.length;
    this.weekly = reuse !== undefined && reuse.length === length ? reuse.fill(0) : new Float64Array(length);
    this.scalars = new Float64Array((this.national + 1) * SCALAR_METRICS.length);
    this.overCapWeeks = new Float64Array(this.national + 1);
    this.absentDays = new Float64Array(this.national + 1);
  }

  /** Records one area's week (its allocation waits ended this week are read from `area`), adding it into the national row too. */
  week(week: number, area: AreaState, m: WeekMeasures): void {
    const t = area.totals, waits = t.allocationWaits.thisWeek, v = this.row;
    v[I.referrals] = t.weekReferrals; v[I.closures] = t.weekClosures; v[I.open_cases] = m.open;
    v[I.awaiting_allocation] = m.awaiting;
    v[I.awaiting_p1] = m.awaitingByTier[0]; v[I.awaiting_p2] = m.awaitingByTier[1]; v[I.awaiting_p3] = m.awaitingByTier[2]; v[I.awaiting_p4] = m.awaitingByTier[3];
    v[I.awaiting_over_4_weeks] = m.awaitingOver4; v[I.awaiting_over_12_weeks] = m.awaitingOver12;
    v[I.awaiting_mean_age_weeks] = m.awaitingAged > 0 ? m.awaitingAgeWeeksSum / m.awaitingAged : 0;
    v[I.allocations] = waits.length; v[I.allocation_wait_mean_weeks] = meanWeeks(waits); v[I.allocation_wait_p90_weeks] = p90Weeks(waits);
    v[I.unallocated_weeks_of_capacity] = m.protocol.unallocatedWeeks;
    v[I.hub_backlog] = m.hub; v[I.hub_mean_age_weeks] = m.hub > 0 ? m.hubAgeWeeksSum / m.hub : 0; v[I.hub_exits] = t.weekHubExits;
    v[I.forced_allocations] = t.weekForced; v[I.avg_caseload] = m.protocol.averageCaseload; v[I.pct_fcas_over_cap] = 100 * m.protocol.shareOverCap;
    v[I.fcas_in_post] = m.fteInPost; v[I.fcas_absent] = m.fteAbsent; v[I.fcas_vacant] = m.fteVacant; v[I.protocol_active] = m.hubOpen ? 1 : 0;
    v[I.public_open_cases] = t.publicOpen; v[I.children_open] = t.publicOpen * this.children.public + (m.open - t.publicOpen) * this.children.private;
    v[I.public_closures] = t.weekPublicClosures; v[I.public_closed_over_26_weeks] = t.weekPublicOver26; v[I.public_closed_case_weeks] = t.weekPublicDays / 7;
    this.overCapWeeks[area.index]! += m.ltOverCap;
    this.overCapWeeks[this.national]! += m.ltOverCap;
    this.absentDays[area.index]! += m.fteAbsent * 7;
    this.absentDays[this.national]! += m.fteAbsent * 7;
    const base = weeklyOffset(this.shape, week, area.index, 0), nat = weeklyOffset(this.shape, week, this.national, 0);
    for (let k = 0; k < v.length; k++) {
      this.weekly[base + k] = v[k]!;
      this.weekly[nat + k]! += v[k]!;
    }
    const n = this.sums;
    n.ltCases += m.ltCases; n.ltInPost += m.ltInPost; n.ltOverCap += m.ltOverCap; n.hubAge += m.hubAgeWeeksSum;
    n.awaitingAge += m.awaitingAgeWeeksSum; n.aged += m.awaitingAged; n.heldWork += m.heldWork; n.capacity += m.capacityPerWeek;
    for (const w of waits) n.waits.push(w);
  }

  /** Turns the national row's sums of per-area ratios into national ratios, from the week's national sums. */
  finishWeek(week: number): void {
    const at = (metric: WeeklyMetric): number => weeklyOffset(this.shape, week, this.national, WEEKLY_INDEX[metric]);
    const n = this.sums;
    this.weekly[at("avg_caseload")] = n.ltInPost > 0 ? n.ltCases / n.ltInPost : 0;
    this.weekly[at("pct_fcas_over_cap")] = n.ltInPost > 0 ? (100 * n.ltOverCap) / n.ltInPost : 0;
    const hub = this.weekly[at("hub_backlog")]!;
    this.weekly[at("hub_mean_age_weeks")] = hub > 0 ? n.hubAge / hub : 0;
    this.weekly[at("awaiting_mean_age_weeks")] = n.aged > 0 ? n.awaitingAge / n.aged : 0;
    this.weekly[at("allocation_wait_mean_weeks")] = meanWeeks(n.waits);
    this.weekly[at("allocation_wait_p90_weeks")] = p90Weeks(n.waits);
    this.weekly[at("unallocated_weeks_of_capacity")] = n.heldWork === 0 ? 0 : n.capacity > 0 ? n.heldWork / n.capacity : 999;
    n.ltCases = 0; n.ltInPost = 0; n.ltOverCap = 0; n.hubAge = 0; n.awaitingAge = 0; n.aged = 0; n.heldWork = 0; n.capacity = 0; n.waits.length = 0;
  }

  /** Writes the scalar summary for each area and nationally. */
  finish(areas: readonly AreaState[], weeks: number): void {
    const rows = [...areas.map((a) => [a]), areas];
    rows.forEach((group, row) => {
      const sum = (pick: (a: AreaState) => number): number => group.reduce((n, a) => n + pick(a), 0);
      const set = (metric: (typeof SCALAR_METRICS)[number], value: number): void => {
        this.scalars[scalarOffset(row, scalarIndex(metric))] = value;
      };
      const hub = pooled(group.map((a) => a.totals.hubWaits)), allocation = pooled(group.map((a) => a.totals.allocationWaits));
      set("hub_wait_mean_weeks", hub.mean);
      set("hub_wait_p90_weeks", hub.p90);
      set("hub_exits", sum((a) => a.totals.hubExits));
      set("forced_allocations", sum((a) => a.totals.forced));
      set("duty_allocations", sum((a) => a.totals.dutyAllocations));
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
      set("hub_backlog_end", this.at(weeks - 1, row, "hub_backlog"));
      set("fca_weeks_over_cap", this.overCapWeeks[row]!);
      set("sickness_days", this.absentDays[row]!);
      set("allocation_wait_mean_weeks", allocation.mean);
      set("allocation_wait_p90_weeks", allocation.p90);
      set("allocations", this.sumOverWeeks(row, "allocations", weeks));
      set("waited_over_12_weeks", allocation.over12);
      set("awaiting_case_weeks", this.sumOverWeeks(row, "awaiting_allocation", weeks));
      set("peak_awaiting", this.maxOverWeeks(row, "awaiting_allocation", weeks));
      set("awaiting_end", this.at(weeks - 1, row, "awaiting_allocation"));
      const closedPublic = this.sumOverWeeks(row, "public_closures", weeks);
      set("children_open_mean", this.meanOverWeeks(row, "children_open", weeks));
      set("children_public_mean", this.meanOverWeeks(row, "public_open_cases", weeks) * this.children.public);
      set("public_closures", closedPublic);
      set("public_over_26_weeks_pct", closedPublic > 0 ? (100 * this.sumOverWeeks(row, "public_closed_over_26_weeks", weeks)) / closedPublic : NaN);
      set("public_duration_mean_weeks", closedPublic > 0 ? this.sumOverWeeks(row, "public_closed_case_weeks", weeks) / closedPublic : NaN);
      const vacant = this.sumOverWeeks(row, "fcas_vacant", weeks);
      set("vacancy_pct", (100 * vacant) / Math.max(1e-9, vacant + this.sumOverWeeks(row, "fcas_in_post", weeks)));
    });
  }

  private at(week: number, row: number, metric: WeeklyMetric): number {
    return week >= 0 ? this.weekly[weeklyOffset(this.shape, week, row, WEEKLY_INDEX[metric])]! : NaN;
  }
  private column(row: number, metric: WeeklyMetric, weeks: number): number[] {
    return Array.from({ length: weeks }, (_, w) => this.at(w, row, metric));
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

/** Mean (weeks) of waits in days; 0 in a week with none. */
function meanWeeks(days: readonly number[]): number {
  return days.length > 0 ? days.reduce((a, b) => a + b, 0) / days.length / 7 : 0;
}

/** 90th centile (weeks) of waits in days; 0 in a week with none. */
function p90Weeks(days: number[]): number {
  return days.length > 0 ? smallQuantile(days, 0.9) / 7 : 0;
}

/** The pooled waits of several areas: mean and 90th centile (weeks) and how many lasted 12 weeks or more (NaN figures when none). */
function pooled(logs: readonly WaitLog[]): { mean: number; p90: number; over12: number } {
  const histogram = new Uint32Array(WAIT_BINS);
  let count = 0, total = 0;
  for (const log of logs) {
    log.histogram.forEach((c, i) => (histogram[i]! += c));
    count += log.tally.count;
    total += log.tally.sum;
  }
  let over12 = 0;
  for (let i = 84; i < WAIT_BINS; i++) over12 += histogram[i]!;
  return { mean: count > 0 ? total / count : NaN, p90: histogramQuantile(histogram, 0.9) / 7, over12 };
}
