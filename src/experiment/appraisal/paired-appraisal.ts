import { cumsum } from "d3-array";
import type { Costs } from "../../model/index.js";
import { flowSeries, type ArmFlows } from "./arm-flows.js";
import { breakEvenWeek } from "./break-even.js";
import { armCashFlows, COST_LINES, PAYERS, type Payer } from "./cash-flows.js";
import { presentValue, weeklyDiscountFactors } from "./discount.js";
import { plusPrices, type LinePrices } from "./line-prices.js";

/** Present values for one payer (or the total): upfront cost, savings, and NPV = savings − cost. */
export interface PayerValue {
  readonly costs: number;
  readonly savings: number;
  readonly npv: number;
}

/** How flows become money: each appraised intervention's prices, and the weeks counted (the horizon, or more with run-off). */
export interface AppraisalTerms {
  readonly prices: readonly LinePrices[];
  readonly weeks: number;
}

/** The appraisal of one replication: roll-out minus do-nothing on the same random numbers. */
export interface PairedAppraisal {
  readonly replication: number;
  readonly byPayer: Readonly<Record<Payer, PayerValue>>;
  readonly total: PayerValue;
  /** PV of savings ÷ PV of costs; NaN when there is no cost. */
  readonly bcr: number;
  /** First week from which the cumulative discounted net saving stays ≥ 0; null if never within the appraisal. */
  readonly breakEvenWeek: number | null;
  /** The same counted from the first week an area goes live in the roll-out arm only (null if none does, or never breaks even). */
  readonly breakEvenFromGoLive: number | null;
  /** Undiscounted upfront cost (for cost per case diverted). */
  readonly costsUndiscounted: number;
  /** Cases diverted from court, roll-out minus do-nothing. */
  readonly extraDiverted: number;
  /** Cumulative discounted net saving (all payers) to the end of each week of the appraisal. */
  readonly cumulativeNet: Float64Array;
  /** PV of net saving in the weeks after the simulated horizon (the run-off), included in the total. */
  readonly runOffNpv: number;
  /** Cases the interventions served within the horizon in the roll-out arm, and eligible cases in live areas missed for want of an allocated guardian. */
  readonly served: number;
  readonly missed: number;
}

/** Cafcass Plus's terms under `costs`, over the simulated horizon (no run-off): the appraisal as it was before interventions were data. */
export const plusTerms = (flows: ArmFlows, costs: Costs): AppraisalTerms => ({ prices: flows.flows.map(() => plusPrices(costs)), weeks: flows.horizonWeeks });

/** Weekly cost and saving series per payer over `terms.weeks`: the difference of each line between the arms, signed by its kind, summed over interventions. */
export function payerFlows(doNothing: ArmFlows, rollOut: ArmFlows, terms: AppraisalTerms): Record<Payer, { costs: Float64Array; savings: Float64Array }> {
  const n = terms.weeks;
  const out = Object.fromEntries(PAYERS.map((p) => [p, { costs: new Float64Array(n), savings: new Float64Array(n) }]));
  terms.prices.forEach((prices, slot) => {
    const base = armCashFlows(doNothing, slot, prices), plus = armCashFlows(rollOut, slot, prices);
    COST_LINES.forEach((line, i) => {
      const target = line.kind === "upfront" ? out[line.payer]!.costs : out[line.payer]!.savings;
      const sign = line.kind === "upfront" ? 1 : -1;
      for (let w = 0; w < n; w++) target[w] = target[w]! + sign * (plus[i]![w]! - base[i]![w]!);
    });
  });
  return out as Record<Payer, { costs: Float64Array; savings: Float64Array }>;
}

/** The first week an area goes live in roll-out but not in do-nothing, or null. */
function goLiveWeek(doNothing: ArmFlows, rollOut: ArmFlows): number | null {
  const a = flowSeries(doNothing, "go_live"), b = flowSeries(rollOut, "go_live");
  const w = b.findIndex((x, i) => x > a[i]!);
  return w < 0 ? null : w;
}

/** A metric summed over the simulated horizon. */
const withinHorizon = (a: ArmFlows, metric: "served" | "missed"): number => flowSeries(a, metric).subarray(0, a.horizonWeeks).reduce((t, x) => t + x, 0);

/** Appraises one pair of arms from the same replication (default terms: Cafcass Plus over the horizon). */
export function appraisePair(replication: number, doNothing: ArmFlows, rollOut: ArmFlows, costs: Costs, terms: AppraisalTerms = plusTerms(doNothing, costs)): PairedAppraisal {
  if (doNothing.weeks !== rollOut.weeks) throw new RangeError(`arms differ in length: ${doNothing.weeks} and ${rollOut.weeks} weeks`);
  if (terms.weeks > doNothing.weeks) throw new RangeError(`an appraisal of ${terms.weeks} weeks needs flows that long (${doNothing.weeks})`);
  const n = terms.weeks, factors = weeklyDiscountFactors(costs.discount, n);
  const flows = payerFlows(doNothing, rollOut, terms);
  const byPayer = Object.fromEntries(PAYERS.map((p) => {
    const c = presentValue(flows[p].costs, factors), s = presentValue(flows[p].savings, factors);
    return [p, { costs: c, savings: s, npv: s - c }];
  })) as Record<Payer, PayerValue>;
  // The total is the sum of the payers, field by field, so the two always agree exactly.
  const sum = (k: keyof PayerValue): number => PAYERS.reduce((t, p) => t + byPayer[p][k], 0);
  const total = { costs: sum("costs"), savings: sum("savings"), npv: sum("npv") };
  const net = Float64Array.from({ length: n }, (_, w) => PAYERS.reduce((t, p) => t + (flows[p].savings[w]! - flows[p].costs[w]!) * factors[w]!, 0));
  const diverted = (a: ArmFlows): number => flowSeries(a, "diverted").subarray(0, n).reduce((t, x) => t + x, 0);
  const breakEven = breakEvenWeek(net), live = goLiveWeek(doNothing, rollOut);
  return {
    replication, byPayer, total,
    bcr: total.costs > 0 ? total.savings / total.costs : NaN,
    breakEvenWeek: breakEven,
    breakEvenFromGoLive: breakEven === null || live === null ? null : Math.max(0, breakEven - live),
    costsUndiscounted: PAYERS.reduce((t, p) => t + flows[p].costs.reduce((s, x) => s + x, 0), 0),
    extraDiverted: diverted(rollOut) - diverted(doNothing),
    cumulativeNet: Float64Array.from(cumsum(net)),
    runOffNpv: net.subarray(Math.min(n, doNothing.horizonWeeks)).reduce((t, x) => t + x, 0),
    served: withinHorizon(rollOut, "served"), missed: withinHorizon(rollOut, "missed"),
  };
}
