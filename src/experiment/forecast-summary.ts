import type { ScalarMetric } from "../model/index.js";
import { scalarSpread, weeklyBand, type Forecast, type Spread } from "./forecast.js";
import { plusSummary, type PlusRow } from "./plus-summary.js";

/** Hub backlog at one week: median and 90% band across replications. */
export interface BacklogAt {
  readonly week: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
}

/** The headline figures for one area or nationally. */
export interface RowSummary {
  readonly name: string;
  readonly hubBacklog: readonly BacklogAt[];
  readonly metrics: Readonly<Record<SummaryMetric, Spread>>;
}

/** The scalar metrics the summary reports, in order. */
export const SUMMARY_METRICS = [
  "hub_wait_mean_weeks", "hub_wait_p90_weeks", "forced_allocations", "avg_caseload", "pct_fcas_over_cap",
  "sickness_pct", "protocol_weeks_active", "peak_hub_backlog", "hub_review_hours", "extended_filing_dates",
] as const satisfies readonly ScalarMetric[];
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

/** A forecast's summary: what `hubsim run` prints and writes to summary.json. */
export interface ForecastSummary {
  readonly scenario: string;
  readonly startDate: string;
  readonly horizonWeeks: number;
  readonly warmupWeeks: number;
  readonly replications: number;
  readonly seed: number;
  readonly conservationChecks: number;
  readonly protocolTransitions: number;
  readonly national: RowSummary;
  readonly areas: readonly RowSummary[];
  /** Cafcass Plus, only when the scenario models its cohort. */
  readonly plus?: { readonly rows: readonly PlusRow[] };
}

/** Weeks (1-based) at which the hub backlog is reported: 13, 26, 52 and the end, as the horizon allows. */
export function reportWeeks(horizon: number): number[] {
  return [...new Set([13, 26, 52, horizon].filter((w) => w <= horizon))];
}

/** Summarises a forecast for every area and nationally. */
export function forecastSummary(f: Forecast): ForecastSummary {
  const plus = plusSummary(f);
  const row = (index: number, name: string): RowSummary => ({
    name,
    hubBacklog: reportWeeks(f.shape.weeks).map((week) => {
      const [p5, , median, , p95] = weeklyBand(f, week - 1, index, "hub_backlog");
      return { week, median: median!, p5: p5!, p95: p95! };
    }),
    metrics: Object.fromEntries(SUMMARY_METRICS.map((m) => [m, scalarSpread(f, index, m)])) as Record<SummaryMetric, Spread>,
  });
  return {
    scenario: f.scenario.name, startDate: f.scenario.startDate, horizonWeeks: f.shape.weeks, warmupWeeks: f.warmupWeeks,
    replications: f.plan.replications, seed: f.plan.seed, conservationChecks: f.conservationChecks, protocolTransitions: f.protocolTransitions,
    national: row(f.shape.areas.length, "England"),
    areas: f.shape.areas.map((name, i) => row(i, name)),
    ...(plus === undefined ? {} : { plus }),
  };
}
