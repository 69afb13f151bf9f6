import type { ScalarMetric } from "../model/index.js";

const LABELS: Readonly<Partial<Record<ScalarMetric, string>>> = {
  hub_backlog_end: "hub backlog at horizon", peak_hub_backlog: "peak hub backlog", hub_wait_mean_weeks: "mean hub wait (weeks held in a hub)",
  hub_wait_p90_weeks: "90th-centile hub wait (weeks)", forced_allocations: "forced allocations",
  awaiting_end: "awaiting allocation at horizon", awaiting_case_weeks: "awaiting allocation (case-weeks)",
  allocation_wait_mean_weeks: "mean time to allocation (weeks)", allocation_wait_p90_weeks: "90th-centile time to allocation (weeks)",
  waited_over_12_weeks: "cases waited 12+ weeks for allocation", avg_caseload: "average long-term caseload",
  pct_fcas_over_cap: "% of long-term FCAs at or above cap", fca_weeks_over_cap: "FCA-weeks over cap", vacancy_pct: "% of posts vacant",
  duty_allocations: "allocated over limit after duty hold",
  sickness_days: "sickness days (FTE)", protocol_weeks_active: "protocol weeks active (area-weeks)",
  children_open_mean: "children in open cases (mean)", children_public_mean: "children in public law proceedings (mean)",
  public_over_26_weeks_pct: "% public law proceedings over 26 weeks", public_duration_mean_weeks: "mean public law proceedings (weeks)",
};

/** Decimals a measure is shown with: waits for allocation are often a fraction of a week, so two. */
export function metricDecimals(metric: ScalarMetric): number {
  return metric === "allocation_wait_mean_weeks" || metric === "allocation_wait_p90_weeks" ? 2 : 1;
}

/** A measure's name as a reader would say it ("mean time to allocation (weeks)"); the metric key when it has none. */
export function metricLabel(metric: ScalarMetric): string {
  return LABELS[metric] ?? metric;
}
