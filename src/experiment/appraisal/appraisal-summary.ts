import { quantile } from "d3-array";
import { wilsonInterval, type ProportionInterval } from "../statistics/index.js";
import type { ArmFlows } from "./arm-flows.js";
import { capacityEffects, type CapacityEffect } from "./capacity-effects.js";
import { medianBreakEvenWeek } from "./break-even.js";
import { PAYERS, type Payer } from "./cash-flows.js";
import type { DiscountStep } from "./discount.js";
import type { PairedAppraisal, PayerValue } from "./paired-appraisal.js";
import { valueSpread, type ValueSpread } from "./value-spread.js";

/** One payer's (or the total's) present values across replications. */
export interface PayerSummary {
  readonly payer: Payer | "total";
  readonly costs: ValueSpread;
  readonly savings: ValueSpread;
  readonly npv: ValueSpread;
}

/** What the appraisal was of: the roll-out, the run, and the money conventions. */
export interface AppraisalSetting {
  readonly scenario: string;
  /** The interventions appraised together (`cafcass-plus` and/or declared ones). */
  readonly interventions: readonly string[];
  readonly areas: readonly string[];
  readonly replications: number;
  readonly seed: number;
  readonly horizonWeeks: number;
  /** Weeks of money counted from the start: the horizon, or longer to count the run-off of cases begun within it. */
  readonly appraisalWeeks: number;
  /** Every amount is in this financial year's prices, uprated with `deflators`. */
  readonly priceYear: string;
  readonly deflators: string;
  readonly discount: readonly DiscountStep[];
  /** The calibration each replication drew its uncertain inputs from, if any. */
  readonly posterior?: string;
}

/** An appraisal summarised over replications. */
export interface AppraisalSummary extends AppraisalSetting {
  /** Each payer, then the total. */
  readonly payers: readonly PayerSummary[];
  /** Benefit–cost ratio: mean PV savings ÷ mean PV cost, and the spread of the per-replication ratios. */
  readonly bcr: { readonly ratioOfMeans: number; readonly spread: ValueSpread };
  /** Share of replications with NPV > 0, with its Wilson 95% interval. */
  readonly pSaving: ProportionInterval;
  /** Median break-even week (null if at least half the replications do not break even), and the share that do. */
  readonly breakEven: { readonly medianWeek: number | null; readonly share: number; readonly medianWeeksFromGoLive: number | null };
  /** PV of net saving counted after the simulated horizon (the run-off), across replications. */
  readonly runOffNpv: ValueSpread;
  /** Cases served by the roll-out within the horizon, and eligible cases in live areas missed because no guardian was allocated in time. */
  readonly served: ValueSpread;
  readonly missed: ValueSpread;
  readonly extraDiverted: ValueSpread;
  /** Mean undiscounted upfront cost ÷ mean extra cases diverted; NaN unless more cases are diverted. */
  readonly costPerCaseDiverted: number;
  readonly capacity: readonly CapacityEffect[];
  /** Cumulative discounted net saving by week of the appraisal: 5/25/50/75/95% quantiles across replications. */
  readonly cumulativeNet: WeeklyQuantiles;
  /** Each replication's total NPV, lowest first (the distribution P(saving) counts from). */
  readonly npvs: readonly number[];
}

/** A weekly series' 5/25/50/75/95% quantiles across replications. */
export interface WeeklyQuantiles {
  readonly p5: readonly number[];
  readonly p25: readonly number[];
  readonly median: readonly number[];
  readonly p75: readonly number[];
  readonly p95: readonly number[];
}

/** The weekly quantiles of equally long series (empty when there are none). */
function weeklyQuantiles(series: readonly ArrayLike<number>[]): WeeklyQuantiles {
  const weeks = series[0]?.length ?? 0;
  const at = (q: number): number[] => Array.from({ length: weeks }, (_, w) => quantile(series, q, (s) => s[w]!) ?? NaN);
  return { p5: at(0.05), p25: at(0.25), median: at(0.5), p75: at(0.75), p95: at(0.95) };
}

/** Summarises paired appraisals (and the arms behind them, for capacity effects). */
export function summariseAppraisal(setting: AppraisalSetting, pairs: readonly PairedAppraisal[], doNothing: readonly ArmFlows[], rollOut: readonly ArmFlows[]): AppraisalSummary {
  const row = (payer: Payer | "total", get: (p: PairedAppraisal) => PayerValue): PayerSummary => {
    const of = (k: keyof PayerValue): ValueSpread => valueSpread(pairs.map((p) => get(p)[k]));
    return { payer, costs: of("costs"), savings: of("savings"), npv: of("npv") };
  };
  const payers = [...PAYERS.map((p) => row(p, (a) => a.byPayer[p])), row("total", (a) => a.total)];
  const total = payers[payers.length - 1]!;
  const extraDiverted = valueSpread(pairs.map((p) => p.extraDiverted));
  const meanCost = valueSpread(pairs.map((p) => p.costsUndiscounted)).mean;
  return {
    ...setting,
    payers,
    bcr: { ratioOfMeans: total.costs.mean > 0 ? total.savings.mean / total.costs.mean : NaN, spread: valueSpread(pairs.map((p) => p.bcr)) },
    pSaving: wilsonInterval(pairs.filter((p) => p.total.npv > 0).length, pairs.length),
    breakEven: {
      medianWeek: medianBreakEvenWeek(pairs.map((p) => p.breakEvenWeek)), share: pairs.length === 0 ? NaN : pairs.filter((p) => p.breakEvenWeek !== null).length / pairs.length,
      medianWeeksFromGoLive: medianBreakEvenWeek(pairs.map((p) => p.breakEvenFromGoLive)),
    },
    runOffNpv: valueSpread(pairs.map((p) => p.runOffNpv)),
    served: valueSpread(pairs.map((p) => p.served)), missed: valueSpread(pairs.map((p) => p.missed)),
    extraDiverted,
    costPerCaseDiverted: extraDiverted.mean > 0 ? meanCost / extraDiverted.mean : NaN,
    capacity: capacityEffects(doNothing, rollOut),
    cumulativeNet: weeklyQuantiles(pairs.map((p) => p.cumulativeNet)),
    npvs: pairs.map((p) => p.total.npv).sort((a, b) => a - b),
  };
}
