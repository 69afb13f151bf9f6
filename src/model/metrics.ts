/**
 * What the model records. Weekly metrics are stored per (week, area) with the national row
 * last; scalar metrics summarise one replication per area and nationally.
 */

/** Weekly metrics, in storage order. */
export const WEEKLY_METRICS = [
  "referrals", "closures", "open_cases", "awaiting_allocation", "hub_backlog", "hub_mean_age_weeks",
  "hub_exits", "forced_allocations", "avg_caseload", "pct_fcas_over_cap", "fcas_in_post", "fcas_absent",
  "protocol_active",
] as const;
export type WeeklyMetric = (typeof WEEKLY_METRICS)[number];

/** Per-replication scalar metrics, in storage order. */
export const SCALAR_METRICS = [
  "hub_wait_mean_weeks", "hub_wait_p90_weeks", "hub_exits", "forced_allocations", "avg_caseload",
  "pct_fcas_over_cap", "sickness_pct", "protocol_weeks_active", "hub_review_hours", "extended_filing_dates",
  "referrals", "closures", "peak_hub_backlog", "protocol_activations", "hub_backlog_end", "fca_weeks_over_cap",
  "sickness_days",
] as const;
export type ScalarMetric = (typeof SCALAR_METRICS)[number];

/** Index of a weekly metric. */
export const weeklyIndex = (m: WeeklyMetric): number => WEEKLY_METRICS.indexOf(m);
/** Index of a scalar metric. */
export const scalarIndex = (m: ScalarMetric): number => SCALAR_METRICS.indexOf(m);

/** The shape of one replication's output. */
export interface ResultShape {
  readonly weeks: number;
  /** Area names; the national row comes after them. */
  readonly areas: readonly string[];
}

/** Offset of (week, row, metric) in a weekly array; row = areas.length is national. */
export function weeklyOffset(shape: ResultShape, week: number, row: number, metric: number): number {
  return (week * (shape.areas.length + 1) + row) * WEEKLY_METRICS.length + metric;
}

/** Offset of (row, metric) in a scalar array. */
export function scalarOffset(row: number, metric: number): number {
  return row * SCALAR_METRICS.length + metric;
}

/** What one replication returns: plain typed arrays, cheap to send between threads. */
export interface ReplicationResult {
  readonly replication: number;
  readonly weekly: Float64Array;
  readonly scalars: Float64Array;
  /** Cafcass Plus pathway and cohort flows per (week, row, metric): see plus-metrics.ts. */
  readonly plus: Float64Array;
  /** Weekly conservation checks passed (referred = closed + allocated + in hub + awaiting). */
  readonly conservationChecks: number;
  /** Protocol transitions: [week, area, from, to] flattened. */
  readonly transitions: Int32Array;
  /** Domain events (referrals, allocations, hub moves, closures, absences, leavers, starters), for events per second. */
  readonly events: number;
  /** Scheduled checks: each FCA's weekly review, each area's daily allocation pass and weekly protocol check. */
  readonly reviews: number;
  /** Events the kernel fired (daily and weekly ticks batch many domain events). */
  readonly kernelEvents: number;
}
