import { FIELDS, type RangedFieldPath } from "../../model/index.js";

/**
 * The inputs one-way sensitivity varies, each to the low and high end of its calibration range
 * (shared/calibration.md). Cost inputs are re-costed from the same simulated flows; model inputs
 * change what the model does, so both arms are run again on the same random numbers.
 */

/** How a value is put into the scenario: a plain field, an uncertain effect fixed at the value, or a flat discount rate. */
export type SensitivitySetter = "value" | "fixed-effect" | "flat-discount";

/** One input and its range. */
export interface SensitivityInput {
  readonly name: string;
  /** Field path in the scenario. */
  readonly path: string;
  readonly kind: "model" | "cost";
  readonly set: SensitivitySetter;
  readonly low: number;
  readonly high: number;
  readonly source: string;
}

/** An input whose name, range and source come from the field-metadata table. */
function input(path: RangedFieldPath, kind: SensitivityInput["kind"], set: SensitivitySetter): SensitivityInput {
  const meta = FIELDS[path], range = meta.range;
  return { name: meta.label, path, kind, set, low: range.low, high: range.high, source: range.source };
}

/** Every input varied by `--sensitivity`, with its range and where the range comes from. */
export const SENSITIVITY_INPUTS: readonly SensitivityInput[] = [
  input("cafcassPlus.effects.diversionUplift", "model", "fixed-effect"),
  input("cafcassPlus.effects.durationReductionWeeks", "model", "fixed-effect"),
  input("cafcassPlus.effects.guardianHoursReduction", "model", "fixed-effect"),
  input("cafcassPlus.effects.expertReportsReduction", "model", "fixed-effect"),
  input("cafcassPlus.fcaHoursPerCase", "model", "value"),
  input("cafcassPlus.baselineDiversion", "model", "value"),
  input("cafcassPlus.eligibleShare", "model", "value"),
  input("costs.cafcass.fcaHour", "cost", "value"),
  input("costs.cafcass.setupPerArea", "cost", "value"),
  input("costs.cafcass.supervisionPerAreaWeek", "cost", "value"),
  input("costs.hmcts.perProceedings", "cost", "value"),
  input("costs.legalAid.perProceedings", "cost", "value"),
  input("costs.legalAid.perExpertReport", "cost", "value"),
  input("costs.localAuthority.perCaseWeek", "cost", "value"),
  input("costs.placements.fosterWeek", "cost", "value"),
  input("costs.placements.savingShare", "cost", "value"),
  input("costs.discount", "cost", "flat-discount"),
];
