import type { Costs } from "../../model/index.js";
import { flowSeries, type ArmFlows } from "./arm-flows.js";
import { breakEvenWeek } from "./break-even.js";
import { armCashFlows, COST_LINES, PAYERS, type Payer } from "./cash-flows.js";
import { presentValue, weeklyDiscountFactors } from "./discount.js";

/** Present values for one payer (or the total): upfront cost, savings, and NPV = savings − cost. */
export interface PayerValue {
  readonly costs: number;
  readonly savings: number;
  readonly npv: number;
}

/** The appraisal of one replication: roll-out minus do-nothing on the same random numbers. */
export interface PairedAppraisal {
  readonly replication: number;
  readonly byPayer: Readonly<Record<Payer, PayerValue>>;
  readonly total: PayerValue;
  /** PV of savings ÷ PV of costs; NaN when there is no cost. */
  readonly bcr: number;
  /** First week from which the cumulative discounted net saving stays ≥ 0; null if never within the horizon. */
  readonly breakEvenWeek: number | null;
  /** Undiscounted upfront cost (for cost per case diverted). */
  readonly costsUndiscounted: number;
  /** Cohort cases diverted from court, roll-out minus do-nothing. */
  readonly extraDiverted: number;
}

/** Weekly cost and saving series per payer: the difference of each line between the arms, signed by its kind. */
export function payerFlows(doNothing: ArmFlows, rollOut: ArmFlows, costs: Costs): Record<Payer, { costs: Float64Array; savings: Float64Array }> {
  const base = armCashFlows(doNothing, costs), plus = armCashFlows(rollOut, costs);
  const out = Object.fromEntries(PAYERS.map((p) => [p, { costs: new Float64Array(doNothing.weeks), savings: new Float64Array(doNothing.weeks) }]));
  COST_LINES.forEach((line, i) => {
    const target = line.kind === "upfront" ? out[line.payer]!.costs : out[line.payer]!.savings;
    const sign = line.kind === "upfront" ? 1 : -1;
    for (let w = 0; w < doNothing.weeks; w++) target[w] = target[w]! + sign * (plus[i]![w]! - base[i]![w]!);
  });
  return out as Record<Payer, { costs: Float64Array; savings: Float64Array }>;
}

/** Appraises one pair of arms from the same replication under the given unit costs and discount schedule. */
export function appraisePair(replication: number, doNothing: ArmFlows, rollOut: ArmFlows, costs: Costs): PairedAppraisal {
  if (doNothing.weeks !== rollOut.weeks) throw new RangeError(`arms differ in length: ${doNothing.weeks} and ${rollOut.weeks} weeks`);
  const factors = weeklyDiscountFactors(costs.discount, doNothing.weeks);
  const flows = payerFlows(doNothing, rollOut, costs);
  const byPayer = Object.fromEntries(PAYERS.map((p) => {
    const c = presentValue(flows[p].costs, factors), s = presentValue(flows[p].savings, factors);
    return [p, { costs: c, savings: s, npv: s - c }];
  })) as Record<Payer, PayerValue>;
  // The total is the sum of the payers, field by field, so the two always agree exactly.
  const sum = (k: keyof PayerValue): number => PAYERS.reduce((t, p) => t + byPayer[p][k], 0);
  const total = { costs: sum("costs"), savings: sum("savings"), npv: sum("npv") };
  const net = Float64Array.from({ length: doNothing.weeks }, (_, w) => PAYERS.reduce((t, p) => t + (flows[p].savings[w]! - flows[p].costs[w]!) * factors[w]!, 0));
  const diverted = (a: ArmFlows): number => flowSeries(a, "cohort_diverted").reduce((t, x) => t + x, 0);
  return {
    replication, byPayer, total,
    bcr: total.costs > 0 ? total.savings / total.costs : NaN,
    breakEvenWeek: breakEvenWeek(net),
    costsUndiscounted: PAYERS.reduce((t, p) => t + flows[p].costs.reduce((s, x) => s + x, 0), 0),
    extraDiverted: diverted(rollOut) - diverted(doNothing),
  };
}
