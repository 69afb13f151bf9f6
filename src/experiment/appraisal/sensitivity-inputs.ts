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

const input = (name: string, path: string, kind: SensitivityInput["kind"], set: SensitivitySetter, low: number, high: number, source: string): SensitivityInput =>
  ({ name, path, kind, set, low, high, source });

// £80–110k a year per FTE against the default £92k ≈ £80 an hour (§8.7).
const fcaHourAt = (perYear: number): number => Math.round((80 * perYear) / 92_000 * 100) / 100;

/** Every input varied by `--sensitivity`, with its range and where the range comes from. */
export const SENSITIVITY_INPUTS: readonly SensitivityInput[] = [
  input("diversion uplift with Plus", "cafcassPlus.effects.diversionUplift", "model", "fixed-effect", 0, 0.17, "§8.6 pessimistic +0 points; optimistic 42% vs 25% national (+17)"),
  input("duration cut in later proceedings (weeks)", "cafcassPlus.effects.durationReductionWeeks", "model", "fixed-effect", 0, 8, "§8.6: 0 to −8 weeks"),
  input("guardian hours saved in later proceedings", "cafcassPlus.effects.guardianHoursReduction", "model", "fixed-effect", 0, 0.2, "§8.6: 0 to −20%"),
  input("expert reports avoided per case", "cafcassPlus.effects.expertReportsReduction", "model", "fixed-effect", 0, 0.5, "§8.6: 0 to −0.5"),
  input("FCA hours per Plus case", "cafcassPlus.fcaHoursPerCase", "model", "value", 12, 35, "§8.6: 12–35 (not published)"),
  input("baseline diversion", "cafcassPlus.baselineDiversion", "model", "value", 0.2, 0.37, "§8.6: 20–37% (national 25%, C&W comparators 36.7%)"),
  input("eligible share of newborn proceedings", "cafcassPlus.eligibleShare", "model", "value", 0.4, 0.8, "§8.6: 40–80%"),
  input("FCA hour (£)", "costs.cafcass.fcaHour", "cost", "value", fcaHourAt(80_000), fcaHourAt(110_000), "§8.7: £80–110k a year per FTE"),
  input("set-up per area (£)", "costs.cafcass.setupPerArea", "cost", "value", 12_500, 50_000, "assumed: half to double the default"),
  input("supervision per area-week (£)", "costs.cafcass.supervisionPerAreaWeek", "cost", "value", 90, 360, "assumed: half to double the default"),
  input("court per proceedings (£)", "costs.hmcts.perProceedings", "cost", "value", 4_000, 6_000, "§8.7: £4–6k"),
  input("legal aid per proceedings (£)", "costs.legalAid.perProceedings", "cost", "value", 8_000, 15_000, "§8.7: £8–15k"),
  input("expert report (£)", "costs.legalAid.perExpertReport", "cost", "value", 1_000, 15_000, "§8.7: £2–30k per case, two reports a case"),
  input("local authority per case-week (£)", "costs.localAuthority.perCaseWeek", "cost", "value", 523, 871, "§8.7 gives £697 with no range: ±25% assumed"),
  input("foster care per week (£)", "costs.placements.fosterWeek", "cost", "value", 600, 900, "§8.7: £600–900"),
  input("share of foster saving counted", "costs.placements.savingShare", "cost", "value", 0, 0.5, "§8.6 advises 25%; 0–50% assumed"),
  input("discount rate (flat)", "costs.discount", "cost", "flat-discount", 0.015, 0.05, "§6.5: 1.5% (health) to 5% (assumed); default 3.5% declining"),
];
