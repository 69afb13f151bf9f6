import { areaProtocol, type Protocol, type ScalarMetric, type WeeklyMetric } from "../model/index.js";
import { BAND_CONTENT_WORDS, scalarSpread, weeklyBand, type BandContent, type Forecast, type Spread } from "./forecast.js";
import { plusSummary, type PlusRow } from "./plus-summary.js";
import { protocolHistory, type AreaProtocolHistory } from "./protocol-history.js";

/** A weekly count at one week: median and 90% band across replications. */
export interface BacklogAt {
  readonly week: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
}

/** The headline figures for one area or nationally. */
export interface RowSummary {
  readonly name: string;
  /** Cases held in hubs at the report weeks. */
  readonly hubBacklog: readonly BacklogAt[];
  /** Cases waiting for allocation outside hubs at the report weeks. */
  readonly awaiting: readonly BacklogAt[];
  readonly metrics: Readonly<Record<SummaryMetric, Spread>>;
}

/** The scalar metrics the summary reports, in order: hub measures, then waits for allocation outside hubs, then the workforce. */
export const SUMMARY_METRICS = [
  "hub_wait_mean_weeks", "hub_wait_p90_weeks", "forced_allocations", "peak_hub_backlog", "hub_review_hours", "extended_filing_dates",
  "protocol_weeks_active",
  "allocation_wait_mean_weeks", "allocation_wait_p90_weeks", "waited_over_12_weeks", "awaiting_end", "peak_awaiting", "awaiting_case_weeks",
  "duty_allocations", "avg_caseload", "pct_fcas_over_cap", "vacancy_pct", "sickness_pct",
  "children_open_mean", "children_public_mean", "public_over_26_weeks_pct", "public_duration_mean_weeks",
] as const satisfies readonly ScalarMetric[];
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

/** One area's protocol history with the rule that decided it there (national thresholds with the area's overrides). */
export interface SummaryProtocolHistory extends AreaProtocolHistory {
  readonly trigger: Protocol["trigger"];
  readonly triggerWeeks: number;
}

/** A forecast's summary: what `hubsim run` prints and writes to summary.json. */
export interface ForecastSummary {
  readonly scenario: string;
  readonly startDate: string;
  readonly horizonWeeks: number;
  readonly warmupWeeks: number;
  readonly replications: number;
  readonly seed: number;
  /** What every band across replications holds, as a key and in words. */
  readonly bandContent: { readonly kind: BandContent; readonly words: string };
  readonly conservationChecks: number;
  readonly protocolTransitions: number;
  readonly national: RowSummary;
  readonly areas: readonly RowSummary[];
  /** For every area, when and on what figures its protocol was triggered and its hub opened and closed. */
  readonly protocolHistory: readonly SummaryProtocolHistory[];
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
  const at = (index: number, metric: WeeklyMetric): BacklogAt[] => reportWeeks(f.shape.weeks).map((week) => {
    const [p5, , median, , p95] = weeklyBand(f, week - 1, index, metric);
    return { week, median: median!, p5: p5!, p95: p95! };
  });
  const row = (index: number, name: string): RowSummary => ({
    name, hubBacklog: at(index, "hub_backlog"), awaiting: at(index, "awaiting_allocation"),
    metrics: Object.fromEntries(SUMMARY_METRICS.map((m) => [m, scalarSpread(f, index, m)])) as Record<SummaryMetric, Spread>,
  });
  return {
    scenario: f.scenario.name, startDate: f.scenario.startDate, horizonWeeks: f.shape.weeks, warmupWeeks: f.warmupWeeks,
    replications: f.plan.replications, seed: f.plan.seed, bandContent: { kind: f.bandContent, words: BAND_CONTENT_WORDS[f.bandContent] },
    conservationChecks: f.conservationChecks, protocolTransitions: f.protocolTransitions,
    national: row(f.shape.areas.length, "England"),
    areas: f.shape.areas.map((name, i) => row(i, name)),
    protocolHistory: protocolHistory(f).map((h, i) => {
      const rule = areaProtocol(f.scenario.protocol, f.scenario.areas[i]!.protocol);
      return { ...h, trigger: rule.trigger, triggerWeeks: rule.triggerWeeks };
    }),
    ...(plus === undefined ? {} : { plus }),
  };
}
