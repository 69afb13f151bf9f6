import { FIELDS, type EffectDistribution, type RangedFieldPath, type Scenario } from "../../model/index.js";
import { PLUS } from "./arms.js";
import type { CountedInput } from "./counted-effect.js";

/**
 * The inputs one-way sensitivity varies, each to the low and high end of its range: calibration
 * ranges (shared/calibration.md) for Cafcass Plus and the cost table; for a declared intervention,
 * the range of each effect's declared distribution and assumed ranges for its hours and prices.
 * Cost inputs are re-costed from the same simulated flows; model inputs change what the model
 * does, so the arms are run again on the same random numbers.
 */

/** How a value is put into the scenario: a plain field, a Plus effect or a declared effect fixed at the value, or a flat discount rate. */
export type SensitivitySetter = "value" | "fixed-effect" | "fixed-dist" | "flat-discount";

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
  /** A model input that acts only where the intervention is live, so a do-nothing arm with no live area is not run again for it. */
  readonly liveOnly?: boolean;
  /** An effect that changes only what is counted: re-costed from the base runs' flows (see counted-effect.ts), not re-run. */
  readonly counted?: CountedInput;
}

/** An input whose name, range and source come from the field-metadata table. */
function input(path: RangedFieldPath, kind: SensitivityInput["kind"], set: SensitivitySetter, liveOnly = false, counted?: CountedInput): SensitivityInput {
  const meta = FIELDS[path], range = meta.range;
  return { name: meta.label, path, kind, set, low: range.low, high: range.high, source: range.source, ...(liveOnly ? { liveOnly } : {}), ...(counted === undefined ? {} : { counted }) };
}

/**
 * Cafcass Plus's own inputs: its effects and hours act only where it is live; the expert reports and
 * guardian hours it saves change only what is counted, so they are re-costed; its cohort's size and
 * baseline diversion shape both arms.
 */
const PLUS_INPUTS: readonly SensitivityInput[] = [
  input("cafcassPlus.effects.diversionUplift", "model", "fixed-effect", true),
  input("cafcassPlus.effects.durationReductionWeeks", "model", "fixed-effect", true),
  input("cafcassPlus.effects.guardianHoursReduction", "cost", "fixed-effect", false, { intervention: PLUS, effect: "guardianHoursShare" }),
  input("cafcassPlus.effects.expertReportsReduction", "cost", "fixed-effect", false, { intervention: PLUS, effect: "expertReports" }),
  input("cafcassPlus.fcaHoursPerCase", "model", "value", true),
  input("cafcassPlus.baselineDiversion", "model", "value"),
  input("cafcassPlus.eligibleShare", "model", "value"),
  input("costs.cafcass.setupPerArea", "cost", "value"),
  input("costs.cafcass.supervisionPerAreaWeek", "cost", "value"),
];

/** The cost table's prices every intervention's savings (and its FCA time) are valued at, and the discount rate. */
const SHARED_INPUTS: readonly SensitivityInput[] = [
  input("costs.cafcass.fcaHour", "cost", "value"),
  input("costs.hmcts.perProceedings", "cost", "value"),
  input("costs.legalAid.perProceedings", "cost", "value"),
  input("costs.legalAid.perExpertReport", "cost", "value"),
  input("costs.localAuthority.perCaseWeek", "cost", "value"),
  input("costs.placements.fosterWeek", "cost", "value"),
  input("costs.placements.savingShare", "cost", "value"),
  input("costs.discount", "cost", "flat-discount"),
];

/** Every input varied for Cafcass Plus (kept for callers that appraise Plus alone). */
export const SENSITIVITY_INPUTS: readonly SensitivityInput[] = [...PLUS_INPUTS.slice(0, 7), SHARED_INPUTS[0]!, ...PLUS_INPUTS.slice(7), ...SHARED_INPUTS.slice(1)];

const EFFECT_LABELS = { durationWeeks: "weeks cut from proceedings", expertReports: "expert reports avoided per case", guardianHoursShare: "share of guardian hours saved" } as const;
const HALF_TO_DOUBLE = "assumed: half to double the declared value";

/** A declared effect's range: its distribution's bounds (none when it is fixed). */
function effectRange(d: EffectDistribution): { low: number; high: number } | undefined {
  return d.dist === "fixed" ? undefined : { low: d.min, high: d.max };
}

/** A declared intervention's inputs: each uncertain effect over its declared range, its FCA hours, other payers' hours and its own prices. */
function declaredInputs(scenario: Scenario, name: string): SensitivityInput[] {
  const i = scenario.interventions.findIndex((v) => v.name === name), v = scenario.interventions[i]!, at = `interventions[${i}]`;
  const effects = (Object.keys(EFFECT_LABELS) as (keyof typeof EFFECT_LABELS)[]).flatMap((k): SensitivityInput[] => {
    const range = effectRange(v.effects[k]);
    if (range === undefined) return [];
    const common = { name: `${name}: ${EFFECT_LABELS[k]}`, path: `${at}.effects.${k}`, set: "fixed-dist" as const, ...range, source: `declared ${v.effects[k].dist} distribution's range` };
    return [k === "durationWeeks" ? { ...common, kind: "model", liveOnly: true } : { ...common, kind: "cost", counted: { intervention: name, effect: k } }];
  });
  const halfToDouble = (label: string, path: string, value: number, kind: SensitivityInput["kind"], liveOnly = false): SensitivityInput[] =>
    value > 0 ? [{ name: `${name}: ${label}`, path, kind, set: "value", low: value / 2, high: value * 2, source: HALF_TO_DOUBLE, ...(liveOnly ? { liveOnly } : {}) }] : [];
  return [
    ...effects,
    ...halfToDouble("FCA hours per case", `${at}.fcaHoursPerCase`, v.fcaHoursPerCase, "model", true),
    ...v.otherPayers.flatMap((o, j) => halfToDouble(`${o.role} hours per case`, `${at}.otherPayers[${j}].hoursPerCase`, o.hoursPerCase, "cost")),
    ...(["setupPerArea", "supervisionPerAreaWeek"] as const).flatMap((k) => {
      const cost = v.costs[k];
      return cost === undefined ? [] : halfToDouble(k === "setupPerArea" ? "set-up per area (£)" : "supervision per area-week (£)", `${at}.costs.${k}.amount`, cost.amount, "cost");
    }),
  ];
}

/** Every input varied by `--sensitivity` for these interventions: each one's own, then the shared prices and discount rate. */
export function sensitivityInputs(scenario: Scenario, interventions: readonly string[] = [PLUS]): SensitivityInput[] {
  return [...interventions.flatMap((n) => (n === PLUS ? PLUS_INPUTS : declaredInputs(scenario, n))), ...SHARED_INPUTS];
}
