import { PLUS_METRICS, plusIndex, type Costs, type PlusMetric } from "../../model/index.js";
import type { ArmFlows } from "./arm-flows.js";

/** Who pays, in report order. */
export const PAYERS = ["cafcass", "hmcts", "legalAid", "localAuthority", "placements"] as const;
export type Payer = (typeof PAYERS)[number];

/**
 * A costed line: what it counts, who pays, and whether it is an upfront cost of Cafcass Plus
 * (the roll-out's increase is its cost) or a downstream cost (the roll-out's reduction is a saving).
 */
export interface CostLine {
  readonly name: string;
  readonly payer: Payer;
  readonly kind: "upfront" | "downstream";
  /** The line's cost in one week of one arm. */
  readonly weekly: (flow: (m: PlusMetric) => number, goLive: number, c: Costs) => number;
}

/**
 * Every line. Placements count `savingShare` of the foster cost in each arm, so the difference
 * between arms counts that share of the foster-cost difference, whichever way it goes: the child
 * kept out of foster care is mostly in kinship care, which also costs (calibration §8.6).
 */
export const COST_LINES: readonly CostLine[] = [
  { name: "Cafcass Plus FCA hours", payer: "cafcass", kind: "upfront", weekly: (f, _, c) => f("plus_fca_hours") * c.cafcass.fcaHour },
  { name: "set-up per area", payer: "cafcass", kind: "upfront", weekly: (_, live, c) => live * c.cafcass.setupPerArea },
  { name: "supervision", payer: "cafcass", kind: "upfront", weekly: (f, _, c) => f("plus_live") * c.cafcass.supervisionPerAreaWeek },
  { name: "guardian hours in proceedings", payer: "cafcass", kind: "downstream", weekly: (f, _, c) => f("guardian_hours") * c.cafcass.fcaHour },
  { name: "court", payer: "hmcts", kind: "downstream", weekly: (f, _, c) => f("cohort_proceedings") * c.hmcts.perProceedings },
  { name: "legal aid", payer: "legalAid", kind: "downstream", weekly: (f, _, c) => f("cohort_proceedings") * c.legalAid.perProceedings },
  { name: "expert reports", payer: "legalAid", kind: "downstream", weekly: (f, _, c) => f("expert_reports") * c.legalAid.perExpertReport },
  { name: "proceedings case-weeks", payer: "localAuthority", kind: "downstream", weekly: (f, _, c) => f("proceedings_case_weeks") * c.localAuthority.perCaseWeek },
  { name: "foster placements", payer: "placements", kind: "downstream", weekly: (f, _, c) => f("placement_weeks") * c.placements.fosterWeek * c.placements.savingShare },
];

/** Each cost line's weekly cost in one arm (lines in COST_LINES order). */
export function armCashFlows(flows: ArmFlows, costs: Costs): Float64Array[] {
  const k = PLUS_METRICS.length;
  return COST_LINES.map((line) => Float64Array.from({ length: flows.weeks }, (_, w) =>
    line.weekly((m) => flows.national[w * k + plusIndex(m)]!, flows.goLive[w]!, costs)));
}
