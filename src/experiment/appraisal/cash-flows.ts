import { INTERVENTION_METRICS, interventionIndex, type InterventionMetric } from "../../model/index.js";
import type { ArmFlows } from "./arm-flows.js";
import type { LinePrices, Payer } from "./line-prices.js";

export { PAYERS, type Payer } from "./line-prices.js";

/**
 * A costed line: what it counts, who pays, and whether it is an upfront cost of the intervention
 * (the roll-out's increase is its cost) or a downstream cost (the roll-out's reduction is a saving).
 */
export interface CostLine {
  readonly name: string;
  readonly payer: Payer;
  readonly kind: "upfront" | "downstream";
  /** The line's cost in one week of one arm for one intervention. */
  readonly weekly: (flow: (m: InterventionMetric) => number, p: LinePrices) => number;
}

/**
 * Every line. Placements count `savingShare` of the foster cost in each arm, so the difference
 * between arms counts that share of the foster-cost difference, whichever way it goes: the child
 * kept out of foster care is mostly in kinship care, which also costs (calibration §8.6).
 */
export const COST_LINES: readonly CostLine[] = [
  { name: "FCA hours on the intervention", payer: "cafcass", kind: "upfront", weekly: (f, p) => f("fca_hours") * p.fcaHour },
  { name: "set-up per area", payer: "cafcass", kind: "upfront", weekly: (f, p) => f("go_live") * p.setupPerArea },
  { name: "supervision", payer: "cafcass", kind: "upfront", weekly: (f, p) => f("live_areas") * p.supervisionPerAreaWeek },
  { name: "court staff time", payer: "hmcts", kind: "upfront", weekly: (f, p) => f("served") * p.otherPerServed.hmcts },
  { name: "legal aid time", payer: "legalAid", kind: "upfront", weekly: (f, p) => f("served") * p.otherPerServed.legalAid },
  { name: "local authority staff time", payer: "localAuthority", kind: "upfront", weekly: (f, p) => f("served") * p.otherPerServed.localAuthority },
  { name: "guardian hours in proceedings", payer: "cafcass", kind: "downstream", weekly: (f, p) => f("guardian_hours") * p.fcaHour },
  { name: "court", payer: "hmcts", kind: "downstream", weekly: (f, p) => f("proceedings") * p.courtPerProceedings },
  { name: "legal aid", payer: "legalAid", kind: "downstream", weekly: (f, p) => f("proceedings") * p.legalAidPerProceedings },
  { name: "expert reports", payer: "legalAid", kind: "downstream", weekly: (f, p) => f("expert_reports") * p.perExpertReport },
  { name: "proceedings case-weeks", payer: "localAuthority", kind: "downstream", weekly: (f, p) => f("case_weeks") * p.perCaseWeek },
  { name: "foster placements", payer: "placements", kind: "downstream", weekly: (f, p) => f("placement_weeks") * p.fosterWeek * p.savingShare },
];

/** Each cost line's weekly cost in one arm for the intervention at `slot` (lines in COST_LINES order). */
export function armCashFlows(flows: ArmFlows, slot: number, prices: LinePrices): Float64Array[] {
  const k = INTERVENTION_METRICS.length, series = flows.flows[slot]!;
  return COST_LINES.map((line) => Float64Array.from({ length: flows.weeks }, (_, w) =>
    line.weekly((m) => series[w * k + interventionIndex(m)]!, prices)));
}
