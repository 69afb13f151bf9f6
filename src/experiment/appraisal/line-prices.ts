import { COST_PATHS, type Costs, type Scenario } from "../../model/index.js";
import { uprate } from "./deflators.js";

/** Who pays, in report order. */
export const PAYERS = ["cafcass", "hmcts", "legalAid", "localAuthority", "placements"] as const;
export type Payer = (typeof PAYERS)[number];

/** The unit prices one intervention's cost lines use, all in the appraisal's price year. */
export interface LinePrices {
  readonly fcaHour: number;
  readonly setupPerArea: number;
  readonly supervisionPerAreaWeek: number;
  /** Other payers' staff time per case served. */
  readonly otherPerServed: Readonly<Record<"hmcts" | "legalAid" | "localAuthority", number>>;
  readonly courtPerProceedings: number;
  readonly legalAidPerProceedings: number;
  readonly perExpertReport: number;
  readonly perCaseWeek: number;
  /** Foster care per child-week times the share of the difference counted (calibration §8.6). */
  readonly fosterWeek: number;
  readonly savingShare: number;
}

/** A unit cost of the cost table in the price year. */
export function costIn(costs: Costs, path: (typeof COST_PATHS)[number]): number {
  const [group, key] = path.split(".") as [keyof Costs, string];
  const amount = (costs[group] as Record<string, number>)[key]!;
  return uprate(amount, costs.sourceYears[path] ?? costs.priceYear, costs.priceYear);
}

/** Cafcass Plus's prices under `costs` (its costs are the cost table's own). */
export function plusPrices(costs: Costs): LinePrices {
  return {
    fcaHour: costIn(costs, "cafcass.fcaHour"), courtPerProceedings: costIn(costs, "hmcts.perProceedings"),
    legalAidPerProceedings: costIn(costs, "legalAid.perProceedings"), perExpertReport: costIn(costs, "legalAid.perExpertReport"),
    perCaseWeek: costIn(costs, "localAuthority.perCaseWeek"), fosterWeek: costIn(costs, "placements.fosterWeek"), savingShare: costs.placements.savingShare,
    setupPerArea: costIn(costs, "cafcass.setupPerArea"), supervisionPerAreaWeek: costIn(costs, "cafcass.supervisionPerAreaWeek"), otherPerServed: { hmcts: 0, legalAid: 0, localAuthority: 0 },
  };
}

/** The prices of intervention `name` (`cafcass-plus` or a declared one) under `costs`. */
export function linePrices(scenario: Scenario | undefined, name: string, costs: Costs): LinePrices {
  const shared = plusPrices(costs);
  if (name === "cafcass-plus") return shared;
  const v = scenario?.interventions.find((x) => x.name === name);
  if (v === undefined) throw new RangeError(`unknown intervention "${name}"`);
  const inYear = (c: { amount: number; priceYear: string } | undefined): number => (c === undefined ? 0 : uprate(c.amount, c.priceYear, costs.priceYear));
  const other = { hmcts: 0, legalAid: 0, localAuthority: 0 };
  for (const o of v.otherPayers) other[o.payer] += o.hoursPerCase * inYear(o.hourCost);
  return { ...shared, setupPerArea: inYear(v.costs.setupPerArea), supervisionPerAreaWeek: inYear(v.costs.supervisionPerAreaWeek), otherPerServed: other };
}
