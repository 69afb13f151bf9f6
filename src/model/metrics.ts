/**
 * What the model records. Weekly metrics are stored per (week, area) with the national row
 * last; scalar metrics summarise one replication per area and nationally.
 */

/**
 * Weekly metrics, in storage order. Awaiting allocation counts every case waiting for a long-term
 * FCA outside a hub (by tier: P1 public law and Cafcass Plus, P2 urgent further work, P3/P4 less
 * urgent); its ages and the waits of cases allocated that week count from when the case began
 * waiting (referral, order, or hand-back by an FCA who went off sick or left). Work to first hearing
 * waiting for a short-term FCA (rare: only when none is working) is in open cases, not here.
 */
export const WEEKLY_METRICS = [
  "referrals", "closures", "open_cases",
  "awaiting_allocation", "awaiting_p1", "awaiting_p2", "awaiting_p3", "awaiting_p4",
  "awaiting_over_4_weeks", "awaiting_over_12_weeks", "awaiting_mean_age_weeks",
  "allocations", "allocation_wait_mean_weeks", "allocation_wait_p90_weeks", "unallocated_weeks_of_capacity",
  "hub_backlog", "hub_mean_age_weeks", "hub_exits", "forced_allocations",
  "avg_caseload", "pct_fcas_over_cap", "fcas_in_post", "fcas_absent", "fcas_vacant", "protocol_active",
  // The measures interventions aim at: children as well as cases, and public law proceedings ending this week, those over 26 weeks and their weeks.
  "public_open_cases", "children_open", "public_closures", "public_closed_over_26_weeks", "public_closed_case_weeks",
] as const;
export type WeeklyMetric = (typeof WEEKLY_METRICS)[number];

/**
 * Per-replication scalar metrics, in storage order. Waits (held in a hub, or for allocation outside
 * one) count cases still waiting at the horizon at their wait so far, so long waits are not lost.
 */
export const SCALAR_METRICS = [
  "hub_wait_mean_weeks", "hub_wait_p90_weeks", "hub_exits", "forced_allocations", "avg_caseload",
  "pct_fcas_over_cap", "sickness_pct", "protocol_weeks_active", "hub_review_hours", "extended_filing_dates",
  "referrals", "closures", "peak_hub_backlog", "protocol_activations", "hub_backlog_end", "fca_weeks_over_cap",
  "sickness_days",
  "allocation_wait_mean_weeks", "allocation_wait_p90_weeks", "allocations", "waited_over_12_weeks",
  "awaiting_case_weeks", "peak_awaiting", "awaiting_end", "vacancy_pct", "duty_allocations",
  "children_open_mean", "children_public_mean", "public_closures", "public_over_26_weeks_pct", "public_duration_mean_weeks",
] as const;
export type ScalarMetric = (typeof SCALAR_METRICS)[number];

/** What is recorded of each protocol transition, in order: when, where, from → to, and the figures the rule saw. */
export const TRANSITION_FIELDS = [
  "week", "area", "from", "to", "awaiting", "hub", "unallocated_weeks", "avg_caseload", "share_over_cap", "open_ratio",
] as const;
export type TransitionField = (typeof TRANSITION_FIELDS)[number];

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
  /** Declared interventions' national flows per (intervention, week, metric), horizon then run-off: see intervention-metrics.ts. */
  readonly interventions: Float64Array;
  /** Weekly conservation checks passed (referred = closed + allocated + in hub + awaiting). */
  readonly conservationChecks: number;
  /** Protocol transitions, TRANSITION_FIELDS each, flattened (week 0-based in reporting weeks). */
  readonly transitions: Float64Array;
  /** Domain events (referrals, allocations, hub moves, closures, absences, leavers, starters), for events per second. */
  readonly events: number;
  /** Scheduled checks: each FCA's weekly review, each area's daily allocation pass and weekly protocol check. */
  readonly reviews: number;
  /** Events the kernel fired (daily and weekly ticks batch many domain events). */
  readonly kernelEvents: number;
}
